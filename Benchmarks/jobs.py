"""Benchmarks/jobs.py: whole jobs, as a user runs them, beside the pipeline a user would write instead.

Run by Benchmarks/compare with the peers' Python (it needs numpy and Pillow; OpenCV, supervision
and pyvips where a job's peer uses them). Prints one JSON line per measured case:
  {"job", "case", "peer", "wall_ms", "peak_mb", "inproc_ms", "bytes", "psnr_db"}
(absent fields were not measured). Jobs:
  J1  annotate the 864x576 sample with its Azure 4.0 result -> PNG and -> JPEG: `limn annotate`
      (whole process) against a supervision + OpenCV script (timed in process, and as a process)
  J2  thumbnails of a 12 MP JPEG at 400x300 and 1000x750 -> JPEG q85: `limn thumbnail`, `--fast`,
      `vipsthumbnail`, Pillow draft + thumbnail(); PSNR of the same pipeline written losslessly,
      against an exact Lanczos3 (float, every pixel) from the full-resolution decode
  J3  cutout 12 MP + gray matte -> JPEG q85 on white and -> PNG transparent: `limn cutout` (edge
      estimate on) against a Pillow script (putalpha, alpha_composite, save) and a pyvips script
      (bandjoin, flatten)
  J4  PNG writing, in process: Limn's four levels (limn-tasks) against OpenCV's default, Pillow 1
      and 6, libvips 1 and 6, on a photo, an annotated picture and a transparent cutout: time and
      bytes, sorted so that the Pareto front shows
  J5  JPEG writing q85 4:2:0, in process: Limn plain, --optimize, --progressive against Pillow
      (plain, optimize, progressive), OpenCV (plain, optimize, progressive) and cjpeg (a process,
      reading a PPM: its time includes that read)
  J6  T11 as whole processes: the 12 MP JPEG and its COCO file of 100 run-length masks -> JPEG q85,
      `limn annotate` (masks, labels, legend) against a script a supervision user writes (OpenCV
      reads and writes, pycocotools decodes the masks, MaskAnnotator + LabelAnnotator draw), and
      `limn convert` of the same JPEG (the floor: decode and encode alone)

usage: python3 jobs.py --limn BIN --tasks BIN --inputs DIR --repo DIR [--only J1,J2] [--runs N]
"""
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TIME = "/usr/bin/time"


def emit(**row):
    print(json.dumps({k: v for k, v in row.items() if v is not None}), flush=True)


def process(cmd, runs, env=None):
    """Median wall time (ms) and peak resident memory (MB) of a whole process, run `runs` times."""
    walls, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        res = subprocess.run([TIME, "-f", "%M"] + cmd, capture_output=True, text=True, env=env)
        walls.append((time.perf_counter() - start) * 1000)
        if res.returncode != 0:
            raise RuntimeError("%s failed: %s" % (" ".join(cmd), res.stderr.strip()[-400:]))
        peaks.append(int(res.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(walls), statistics.median(peaks)


def in_process(fn, runs):
    fn()
    fn()
    samples = []
    for _ in range(max(runs, 7)):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


# ----------------------------------------------------------------------------------------------- J1

def azure_boxes(body):
    """What a user draws from an Image Analysis 4.0 result: objects, people, dense captions and
    OCR lines as boxes, each with its label."""
    boxes, labels = [], []
    for o in body.get("objectsResult", {}).get("values", []):
        b, tag = o["boundingBox"], (o.get("tags") or [{"name": "object", "confidence": 0}])[0]
        boxes.append([b["x"], b["y"], b["x"] + b["w"], b["y"] + b["h"]])
        labels.append("%s %.2f" % (tag["name"], tag["confidence"]))
    for p in body.get("peopleResult", {}).get("values", []):
        b = p["boundingBox"]
        boxes.append([b["x"], b["y"], b["x"] + b["w"], b["y"] + b["h"]])
        labels.append("person %.2f" % p["confidence"])
    for c in body.get("denseCaptionsResult", {}).get("values", []):
        b = c["boundingBox"]
        boxes.append([b["x"], b["y"], b["x"] + b["w"], b["y"] + b["h"]])
        labels.append(c["text"])
    for block in body.get("readResult", {}).get("blocks", []):
        for line in block.get("lines", []):
            xs = [p["x"] for p in line["boundingPolygon"]]
            ys = [p["y"] for p in line["boundingPolygon"]]
            boxes.append([min(xs), min(ys), max(xs), max(ys)])
            labels.append(line["text"])
    return boxes, labels


def job_j1(opts, out, missing):
    shared = os.path.join(opts["repo"], "..", "shared")
    picture = os.path.join(shared, "photos", "azvsdk_image-analysis-orig.png")
    result = os.path.join(shared, "fixtures", "azure-rest-api-specs", "ia40_AnalyzeFromImageData_MaximumSet.json")
    if not (os.path.exists(picture) and os.path.exists(result)):
        missing.append("J1 (needs ../shared: the 864x576 sample and its Azure 4.0 result)")
        return
    for ext in ("png", "jpg"):
        target = os.path.join(out, "j1_limn." + ext)
        cmd = [opts["limn"], "annotate", picture, result, "-o", target] + (["--quality", "85"] if ext == "jpg" else [])
        wall, peak = process(cmd, opts["runs"])
        emit(job="J1", case="annotate -> " + ext.upper(), peer="limn", wall_ms=wall, peak_mb=peak, bytes=os.path.getsize(target))
    shutil.copy(os.path.join(out, "j1_limn.png"), os.path.join(opts["inputs"], "annotated_864x576.png"))
    try:
        import cv2
        import numpy as np
        import supervision as sv
    except ImportError as e:
        missing.append("J1's supervision + OpenCV peer (pip install supervision opencv-python-headless: %s)" % e)
        return
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    box = sv.BoxAnnotator()
    plain, rich = sv.LabelAnnotator(), sv.RichLabelAnnotator(font_path=font if os.path.exists(font) else None)

    def annotate(target, labeler, params):
        def run():
            image = cv2.imread(picture)
            with open(result) as f:
                body = json.load(f)
            body = body.get("responses", {}).get("200", {}).get("body", body)
            boxes, labels = azure_boxes(body)
            detections = sv.Detections(xyxy=np.array(boxes, dtype=float), class_id=np.arange(len(boxes)))
            image = box.annotate(image, detections)
            image = labeler.annotate(image, detections, labels=labels)
            cv2.imwrite(target, image, params)
        return run

    for ext, params in (("png", []), ("jpg", [cv2.IMWRITE_JPEG_QUALITY, 85])):
        for name, labeler in (("LabelAnnotator", plain), ("RichLabelAnnotator", rich)):
            target = os.path.join(out, "j1_sv_%s.%s" % (name, ext))
            ms = in_process(annotate(target, labeler, params), opts["runs"])
            emit(job="J1", case="annotate -> " + ext.upper(), peer="supervision+OpenCV (%s)" % name, inproc_ms=ms,
                 bytes=os.path.getsize(target))
    # The same script as a process (Python start and imports included), for reference.
    script = os.path.join(out, "j1_sv.py")
    with open(script, "w") as f:
        f.write(J1_SCRIPT)
    wall, peak = process([sys.executable, script, picture, result, os.path.join(out, "j1_sv_proc.png")], opts["runs"])
    emit(job="J1", case="annotate -> PNG", peer="supervision+OpenCV (LabelAnnotator, process)", wall_ms=wall, peak_mb=peak)


J1_SCRIPT = '''
import json, sys
import cv2, numpy as np, supervision as sv
sys.path.insert(0, %r)
from jobs import azure_boxes
picture, result, target = sys.argv[1:4]
image = cv2.imread(picture)
body = json.load(open(result))
body = body.get("responses", {}).get("200", {}).get("body", body)
boxes, labels = azure_boxes(body)
detections = sv.Detections(xyxy=np.array(boxes, dtype=float), class_id=np.arange(len(boxes)))
image = sv.BoxAnnotator().annotate(image, detections)
image = sv.LabelAnnotator().annotate(image, detections, labels=labels)
cv2.imwrite(target, image)
''' % os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------------------------------------- J2

PIL_THUMB = '''
import sys
from PIL import Image
src, w, h, target = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
im = Image.open(src)
im.draft("RGB", (w, h))
im.thumbnail((w, h))
im.save(target, quality=85) if target.endswith(".jpg") else im.save(target)
'''


def lanczos_reference(full, size):
    """An exact Lanczos3 of `full` (a Pillow RGB image) to `size`: each channel resized in
    floating point (Pillow's mode F, full kernel support, no reducing gap)."""
    import numpy as np
    from PIL import Image
    channels = [np.asarray(c.convert("F").resize(size, Image.LANCZOS)) for c in full.split()]
    return np.stack(channels, axis=-1).astype(np.float64)


def psnr_against(reference, path):
    import numpy as np
    from PIL import Image
    got = np.asarray(Image.open(path).convert("RGB")).astype(np.float64)
    if got.shape != reference.shape:
        return None
    mse = ((got - np.clip(reference, 0, 255)) ** 2).mean()
    return 10 * np.log10(255 * 255 / max(mse, 1e-12))


def job_j2(opts, out, missing):
    from PIL import Image
    source = os.path.join(opts["inputs"], "synth_4000x3000_q90.jpg")
    full = Image.open(source).convert("RGB")
    script = os.path.join(out, "pil_thumb.py")
    with open(script, "w") as f:
        f.write(PIL_THUMB)
    have_vips = shutil.which("vipsthumbnail") is not None
    if not have_vips:
        missing.append("J2's vipsthumbnail (apt: libvips-tools)")
    for w, h in ((400, 300), (1000, 750)):
        size = "%dx%d" % (w, h)
        reference = None
        cases = [("limn", lambda t: [opts["limn"], "thumbnail", source, "--size", size, "--mode", "fit", "-o", t, "--quality", "85"]),
                 ("limn --fast", lambda t: [opts["limn"], "thumbnail", source, "--size", size, "--mode", "fit", "--fast", "-o", t,
                                            "--quality", "85"]),
                 ("Pillow draft+thumbnail (process)", lambda t: [sys.executable, script, source, str(w), str(h), t])]
        if have_vips:
            cases.append(("vipsthumbnail", lambda t: ["vipsthumbnail", source, "-s", size, "-o",
                                                      t + ("[Q=85,strip]" if t.endswith(".jpg") else "")]))
        for peer, cmd in cases:
            jpg = os.path.join(out, "j2.jpg")
            wall, peak = process(cmd(jpg), opts["runs"])
            png = os.path.join(out, "j2.png")
            subprocess.run(cmd(png), check=True, capture_output=True)
            with Image.open(png) as im:
                got_size = im.size
            if reference is None or reference.shape[:2] != (got_size[1], got_size[0]):
                reference = lanczos_reference(full, got_size)
            emit(job="J2", case="thumbnail %s -> JPEG q85" % size, peer=peer, wall_ms=wall, peak_mb=peak,
                 bytes=os.path.getsize(jpg), psnr_db=psnr_against(reference, png))

# ----------------------------------------------------------------------------------------------- J3

PIL_CUTOUT = '''
import sys
from PIL import Image
photo, matte, target = sys.argv[1:4]
im = Image.open(photo).convert("RGB")
im.putalpha(Image.open(matte).convert("L"))
if target.endswith(".png"):
    im.save(target)
else:
    white = Image.new("RGBA", im.size, (255, 255, 255, 255))
    Image.alpha_composite(white, im).convert("RGB").save(target, quality=85)
'''

VIPS_CUTOUT = '''
import sys
import pyvips
photo, matte, target = sys.argv[1:4]
im = pyvips.Image.new_from_file(photo, access="sequential")
cut = im.bandjoin(pyvips.Image.new_from_file(matte, access="sequential"))
if target.endswith(".png"):
    cut.pngsave(target)
else:
    cut.flatten(background=[255, 255, 255]).jpegsave(target, Q=85)
'''


def job_j3(opts, out, missing):
    photo = os.path.join(opts["inputs"], "synth_4000x3000_q90.jpg")
    matte = os.path.join(opts["inputs"], "matte_4000x3000_l.png")
    scripts = {}
    for name, text in (("pil", PIL_CUTOUT), ("vips", VIPS_CUTOUT)):
        scripts[name] = os.path.join(out, "cutout_%s.py" % name)
        with open(scripts[name], "w") as f:
            f.write(text)
    try:
        import pyvips  # noqa: F401
        have_vips = True
    except ImportError:
        have_vips = False
        missing.append("J3's pyvips peer (pip install pyvips)")
    for ext, what in (("jpg", "JPEG q85 on white"), ("png", "PNG, transparent")):
        target = os.path.join(out, "j3." + ext)
        cases = [("limn", [opts["limn"], "cutout", photo, "--matte", matte, "-o", target]
                  + (["--background", "white", "--quality", "85"] if ext == "jpg" else [])),
                 ("Pillow script (process)", [sys.executable, scripts["pil"], photo, matte, target])]
        if have_vips:
            cases.append(("pyvips script (process)", [sys.executable, scripts["vips"], photo, matte, target]))
        for peer, cmd in cases:
            runs = opts["runs"] if ext == "jpg" or peer == "limn" else max(3, opts["runs"] // 2)
            wall, peak = process(cmd, runs)
            emit(job="J3", case="cutout 12 MP -> " + what, peer=peer, wall_ms=wall, peak_mb=peak, bytes=os.path.getsize(target))

# ----------------------------------------------------------------------------------------------- J4


def limn_encoding_cases(opts, job, files, missing):
    """Limn's in-process encoding cases of `job` (limn-tasks --only J4/J5 --files ...)."""
    res = subprocess.run([opts["tasks"], "--inputs", opts["inputs"], "--only", job, "--files", ",".join(files),
                          "--runs", str(opts["runs"])], capture_output=True, text=True)
    if res.returncode != 0:
        missing.append("%s's Limn cases (limn-tasks failed: %s)" % (job, res.stderr.strip()[-300:]))
    for line in res.stdout.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            emit(job=job, case=r["input"], peer="limn " + r["level"], inproc_ms=r["median_ms"], bytes=r["bytes"])


def optional_module(name, label, missing):
    """The module, or None with `label` added to what is missing."""
    try:
        return __import__(name)
    except ImportError:
        missing.append(label)
        return None


def photos(opts, names):
    """The input files named, with ../shared's Colmar photo first when it is there."""
    files = [os.path.join(opts["inputs"], n) for n in names]
    colmar = os.path.join(opts["repo"], "..", "shared", "photos", "csdata_Colmar.jpg")
    if os.path.exists(colmar):
        files.insert(0, colmar)
    return [f for f in files if os.path.exists(f)]


def job_j4(opts, out, missing):
    import numpy as np
    from PIL import Image
    files = photos(opts, ("synth_2000x1500_rgb.png", "annotated_864x576.png", "cutout_2000x1500_rgba.png"))
    limn_encoding_cases(opts, "J4", files, missing)
    cv2 = optional_module("cv2", "J4's OpenCV peer", missing)
    pyvips = optional_module("pyvips", "J4's libvips peer (pyvips)", missing)
    for path in files:
        name = os.path.basename(path)
        pil = Image.open(path)
        pil.load()
        if pil.mode not in ("RGB", "RGBA"):
            pil = pil.convert("RGBA" if "A" in pil.mode else "RGB")
        cases = []
        for level in (1, 6):
            cases.append(("Pillow %d" % level, lambda level=level: pil_png(pil, level)))
        if cv2 is not None:
            arr = np.asarray(pil)
            bgr = cv2.cvtColor(arr, cv2.COLOR_RGBA2BGRA if arr.shape[2] == 4 else cv2.COLOR_RGB2BGR)
            cases.append(("OpenCV default", lambda bgr=bgr: cv2.imencode(".png", bgr)[1].tobytes()))
        if pyvips is not None:
            arr = np.ascontiguousarray(np.asarray(pil))
            vim = pyvips.Image.new_from_memory(arr.tobytes(), arr.shape[1], arr.shape[0], arr.shape[2], "uchar")
            for level in (1, 6):
                cases.append(("libvips %d" % level, lambda vim=vim, level=level: vim.pngsave_buffer(compression=level)))
        for peer, fn in cases:
            size = len(fn())
            ms = in_process(fn, opts["runs"])
            emit(job="J4", case=name, peer=peer, inproc_ms=ms, bytes=size)


def job_j5(opts, out, missing):
    import numpy as np
    from PIL import Image
    files = photos(opts, ("synth_2000x1500_rgb.png",))
    limn_encoding_cases(opts, "J5", files, missing)
    cv2 = optional_module("cv2", "J5's OpenCV peer", missing)
    for path in files:
        name = os.path.basename(path)
        pil = Image.open(path).convert("RGB")
        cases = [("Pillow plain", lambda: pil_jpeg(pil)), ("Pillow optimize", lambda: pil_jpeg(pil, optimize=True)),
                 ("Pillow progressive", lambda: pil_jpeg(pil, progressive=True))]
        if cv2 is not None:
            bgr = cv2.cvtColor(np.asarray(pil), cv2.COLOR_RGB2BGR)
            q = [cv2.IMWRITE_JPEG_QUALITY, 85]
            cases += [("OpenCV plain", lambda: cv2.imencode(".jpg", bgr, q)[1].tobytes()),
                      ("OpenCV optimize", lambda: cv2.imencode(".jpg", bgr, q + [cv2.IMWRITE_JPEG_OPTIMIZE, 1])[1].tobytes()),
                      ("OpenCV progressive", lambda: cv2.imencode(".jpg", bgr, q + [cv2.IMWRITE_JPEG_PROGRESSIVE, 1])[1].tobytes())]
        for peer, fn in cases:
            size = len(fn())
            emit(job="J5", case=name, peer=peer, inproc_ms=in_process(fn, opts["runs"]), bytes=size)
        if shutil.which("cjpeg"):
            ppm = os.path.join(out, "j5.ppm")
            pil.save(ppm)
            for variant, flags in (("plain", []), ("optimize", ["-optimize"]), ("progressive", ["-progressive"])):
                target = os.path.join(out, "j5.jpg")
                wall, _ = process(["cjpeg", "-quality", "85", "-dct", "int"] + flags + ["-outfile", target, ppm], opts["runs"])
                emit(job="J5", case=name, peer="cjpeg %s (process)" % variant, wall_ms=wall, bytes=os.path.getsize(target))
        else:
            missing.append("J5's cjpeg (apt: libjpeg-turbo-progs)")


def pil_jpeg(im, **kw):
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=85, **kw)
    return buf.getvalue()


def pil_png(im, level):
    buf = io.BytesIO()
    im.save(buf, format="PNG", compress_level=level)
    return buf.getvalue()


# ----------------------------------------------------------------------------------------------- J6

def job_j6(opts, out, missing):
    picture = os.path.join(opts["inputs"], "synth_4000x3000_q90.jpg")
    result = os.path.join(opts["inputs"], "coco_masks_4000x3000.json")
    if not os.path.exists(result):
        # limn-tasks writes the COCO file beside the photo the first time it runs T11.
        subprocess.run([opts["tasks"], "--inputs", opts["inputs"], "--only", "T11", "--runs", "1", "--min-time", "0"],
                       check=True, capture_output=True)
    target = os.path.join(out, "j6_limn.jpg")
    cmd = [opts["limn"], "annotate", picture, result, "--features", "objects,people,masks,legend", "--quality", "85", "-o", target]
    wall, peak = process(cmd, opts["runs"])
    emit(job="J6", case="100 masks + labels -> JPEG", peer="limn", wall_ms=wall, peak_mb=peak, bytes=os.path.getsize(target))
    floor = os.path.join(out, "j6_convert.jpg")
    wall, peak = process([opts["limn"], "convert", picture, "--quality", "85", "-o", floor], opts["runs"])
    emit(job="J6", case="100 masks + labels -> JPEG", peer="limn convert (decode + encode only)", wall_ms=wall, peak_mb=peak,
         bytes=os.path.getsize(floor))
    try:
        import cv2  # noqa: F401
        import pycocotools  # noqa: F401
        import supervision  # noqa: F401
    except ImportError as e:
        missing.append("J6's supervision peer (pip install supervision pycocotools opencv-python-headless: %s)" % e)
        return
    script = os.path.join(out, "j6_sv.py")
    with open(script, "w") as f:
        f.write(J6_SCRIPT)
    target = os.path.join(out, "j6_sv.jpg")
    wall, peak = process([sys.executable, script, picture, result, target], max(2, opts["runs"] // 2))
    emit(job="J6", case="100 masks + labels -> JPEG", peer="supervision script (process)", wall_ms=wall, peak_mb=peak,
         bytes=os.path.getsize(target))


J6_SCRIPT = '''
import json, sys
import cv2, numpy as np, supervision as sv
from pycocotools import mask as cocomask
picture, result, target = sys.argv[1:4]
image = cv2.imread(picture)
coco = json.load(open(result))
names = {c["id"]: c["name"] for c in coco["categories"]}
anns = coco["annotations"]
masks = np.transpose(cocomask.decode([a["segmentation"] for a in anns]), (2, 0, 1)).astype(bool)
xyxy = np.array([[a["bbox"][0], a["bbox"][1], a["bbox"][0] + a["bbox"][2], a["bbox"][1] + a["bbox"][3]] for a in anns], dtype=float)
detections = sv.Detections(xyxy=xyxy, mask=masks, class_id=np.array([a["category_id"] for a in anns]),
                           confidence=np.array([a["score"] for a in anns]))
labels = ["%s %.0f%%" % (names[a["category_id"]], 100 * a["score"]) for a in anns]
image = sv.MaskAnnotator(opacity=0.45).annotate(image, detections)
image = sv.LabelAnnotator().annotate(image, detections, labels=labels)
cv2.imwrite(target, image, [cv2.IMWRITE_JPEG_QUALITY, 85])
'''


def main():
    opts = {"runs": 5, "only": ""}
    it = iter(sys.argv[1:])
    for a in it:
        if a in ("--limn", "--tasks", "--inputs", "--repo", "--only", "--runs"):
            opts[a[2:]] = next(it)
        else:
            sys.exit("jobs.py: unknown argument %s" % a)
    opts["runs"] = int(opts["runs"])
    only = set(filter(None, opts["only"].split(",")))
    out = tempfile.mkdtemp(prefix="limn-jobs-")
    missing = []
    try:
        for name, job in (("J1", job_j1), ("J2", job_j2), ("J3", job_j3), ("J4", job_j4), ("J5", job_j5), ("J6", job_j6)):
            if not only or name in only:
                print("job %s..." % name, file=sys.stderr, flush=True)
                job(opts, out, missing)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    for m in missing:
        emit(missing=m)


if __name__ == "__main__":
    main()
