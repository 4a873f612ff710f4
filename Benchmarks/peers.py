"""The peers' side of Benchmarks/compare: times Pillow, OpenCV and libvips (pyvips) in-process on
the same input files and tasks as limn-tasks, printing one JSON line per case. A library that is not
installed prints a {"missing": ...} line instead. Run by compare with the Python you choose
(--python), so a virtualenv holding the peers works.

    python3 peers.py --inputs DIR [--only T1,T2] [--min-time S] [--runs N] [--single-thread]
"""
import argparse
import gc
import io
import json
import os
import statistics
import sys
import time

BOX = 400  # T1 thumbnails fit 400 x 400


def timeit(fn, runs, min_time):
    for _ in range(2):  # warm-up
        fn()
    samples = []
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        while len(samples) < runs or (time.perf_counter() - start < min_time and len(samples) < 60):
            t0 = time.perf_counter_ns()
            fn()
            samples.append((time.perf_counter_ns() - t0) / 1e6)
    finally:
        gc.enable()
    return statistics.median(samples), min(samples), len(samples)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def pillow_cases(inputs, out):
    from PIL import Image
    Image.MAX_IMAGE_PIXELS = None
    version = Image.__version__
    cases = []

    def thumbnail(path, dest):
        with Image.open(path) as im:
            im.draft("RGB", (BOX, BOX))  # shrink-on-load in libjpeg
            im.thumbnail((BOX, BOX), Image.LANCZOS)
            im.save(dest, "JPEG", quality=85)
    cases.append(("T1", "pil_draft_thumbnail", lambda: thumbnail(inputs["big"], out + "/pil_t1.jpg")))
    cases.append(("T1s", "pil_draft_thumbnail", lambda: thumbnail(inputs["small"], out + "/pil_t1s.jpg")))
    big, small = read(inputs["big"]), read(inputs["small"])
    cases.append(("T2", "pil_decode", lambda: Image.open(io.BytesIO(big)).load()))
    cases.append(("T2s", "pil_decode", lambda: Image.open(io.BytesIO(small)).load()))

    rgb = Image.open(inputs["big"]); rgb.load()
    matte = Image.open(inputs["matte"]); matte.load()
    cases.append(("T3", "pil_lanczos", lambda: rgb.resize((1000, 750), Image.LANCZOS)))
    cases.append(("T3", "pil_lanczos_gap2", lambda: rgb.resize((1000, 750), Image.LANCZOS, reducing_gap=2.0)))

    bg4 = Image.open(inputs["bg"]).convert("RGBA"); bg4.load()
    fg4 = Image.open(inputs["cutout"]); fg4.load()
    cases.append(("T4", "pil_alpha_composite", lambda: Image.alpha_composite(bg4, fg4)))

    def put_alpha():
        x = rgb.copy()
        x.putalpha(matte)
        return x
    cases.append(("T4b", "pil_putalpha", put_alpha))

    rgba2 = Image.open(inputs["rgba2k"]); rgba2.load()
    rgb2 = Image.open(inputs["rgb2k"]); rgb2.load()

    def png(level):
        b = io.BytesIO()
        rgba2.save(b, "PNG", compress_level=level)
    cases.append(("T5", "pil_png_l6", lambda: png(6)))
    cases.append(("T5", "pil_png_l1", lambda: png(1)))
    cases.append(("T5", "pil_png_l9", lambda: png(9)))

    def webp():
        b = io.BytesIO()
        rgb2.save(b, "WEBP", quality=80)  # method 4 by default
    cases.append(("T6", "pil_webp_q80", webp))

    # T9: the other formats (HEIC through pillow-heif when it is installed; AVIF is Pillow's own).
    try:
        import pillow_heif
        pillow_heif.register_heif_opener()
    except ImportError:
        pass
    for key, name in [("tiff", "pil_decode_tiff"), ("gif", "pil_decode_gif"), ("heic", "pil_decode_heic"), ("avif", "pil_decode_avif")]:
        if os.path.exists(inputs[key]):
            data = read(inputs[key])
            def decode(data=data):
                im = Image.open(io.BytesIO(data))
                im.load()
                return im.convert("RGBA") if im.mode not in ("RGB", "RGBA") else im
            try:
                decode()
                cases.append(("T9", name, decode))
            except Exception:
                pass  # this Pillow cannot read it (no pillow-heif): not a case

    def avif():
        buf = io.BytesIO()
        rgb2.save(buf, "AVIF", quality=60, speed=6)
    try:
        avif()
        cases.append(("T10", "pil_avif_q60_s6", avif))
    except Exception:
        pass
    if os.path.exists(inputs["drawspec"]):
        cases += pillow_draw(inputs)
    if os.path.exists(inputs["gcv_jpg"]):
        cases += pillow_ocr_page(inputs)
    return "Pillow", version, cases


def opencv_cases(inputs, out, single_thread):
    import cv2
    import numpy as np
    if single_thread:
        cv2.setNumThreads(1)
    cases = []

    def thumbnail(path, dest, flag):
        im = cv2.imread(path, flag)
        h, w = im.shape[:2]
        s = min(BOX / w, BOX / h)
        small = cv2.resize(im, (max(1, round(w * s)), max(1, round(h * s))), interpolation=cv2.INTER_AREA)
        ok, buf = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 85])
        with open(dest, "wb") as f:
            f.write(buf.tobytes())
    cases.append(("T1", "cv_reduced4_area", lambda: thumbnail(inputs["big"], out + "/cv_t1.jpg", cv2.IMREAD_REDUCED_COLOR_4)))
    cases.append(("T1", "cv_reduced8_area", lambda: thumbnail(inputs["big"], out + "/cv_t1_8.jpg", cv2.IMREAD_REDUCED_COLOR_8)))
    cases.append(("T1s", "cv_full_area", lambda: thumbnail(inputs["small"], out + "/cv_t1s.jpg", cv2.IMREAD_COLOR)))
    big = np.frombuffer(read(inputs["big"]), np.uint8)
    small = np.frombuffer(read(inputs["small"]), np.uint8)
    cases.append(("T2", "cv_decode", lambda: cv2.imdecode(big, cv2.IMREAD_COLOR)))
    cases.append(("T2s", "cv_decode", lambda: cv2.imdecode(small, cv2.IMREAD_COLOR)))

    rgb = cv2.imread(inputs["big"], cv2.IMREAD_COLOR)
    matte = cv2.imread(inputs["matte"], cv2.IMREAD_GRAYSCALE)
    cases.append(("T3", "cv_lanczos4 (aliased)", lambda: cv2.resize(rgb, (1000, 750), interpolation=cv2.INTER_LANCZOS4)))
    cases.append(("T3", "cv_area", lambda: cv2.resize(rgb, (1000, 750), interpolation=cv2.INTER_AREA)))
    cases.append(("T4b", "cv_merge_alpha", lambda: cv2.merge([*cv2.split(rgb), matte])))

    bgra2 = cv2.imread(inputs["rgba2k"], cv2.IMREAD_UNCHANGED)
    bgr2 = cv2.imread(inputs["rgb2k"], cv2.IMREAD_COLOR)
    cases.append(("T5", "cv_png_l6", lambda: cv2.imencode(".png", bgra2, [cv2.IMWRITE_PNG_COMPRESSION, 6])))
    cases.append(("T5", "cv_png_l9", lambda: cv2.imencode(".png", bgra2, [cv2.IMWRITE_PNG_COMPRESSION, 9])))
    cases.append(("T5", "cv_png_default", lambda: cv2.imencode(".png", bgra2)))
    cases.append(("T5", "cv_png_l1", lambda: cv2.imencode(".png", bgra2, [cv2.IMWRITE_PNG_COMPRESSION, 1])))
    cases.append(("T6", "cv_webp_q80", lambda: cv2.imencode(".webp", bgr2, [cv2.IMWRITE_WEBP_QUALITY, 80])))
    if os.path.exists(inputs["drawspec"]):
        cases += opencv_draw(inputs)
    return "OpenCV", cv2.__version__, cases


def vips_cases(inputs, out, single_thread):
    if single_thread:
        os.environ["VIPS_CONCURRENCY"] = "1"
    import pyvips
    pyvips.cache_set_max(0)
    cases = []

    def thumbnail(path, dest):
        pyvips.Image.thumbnail(path, BOX, height=BOX).jpegsave(dest, Q=85)
    cases.append(("T1", "vips_thumbnail", lambda: thumbnail(inputs["big"], out + "/vips_t1.jpg")))
    cases.append(("T1s", "vips_thumbnail", lambda: thumbnail(inputs["small"], out + "/vips_t1s.jpg")))
    big, small = read(inputs["big"]), read(inputs["small"])
    cases.append(("T2", "vips_decode", lambda: pyvips.Image.jpegload_buffer(big, access="sequential").copy_memory()))
    cases.append(("T2s", "vips_decode", lambda: pyvips.Image.jpegload_buffer(small, access="sequential").copy_memory()))

    rgb = pyvips.Image.new_from_file(inputs["big"]).copy_memory()
    matte = pyvips.Image.new_from_file(inputs["matte"]).copy_memory()
    vbg = pyvips.Image.new_from_file(inputs["bg"]).copy_memory()
    vfg = pyvips.Image.new_from_file(inputs["cutout"]).copy_memory()
    cases.append(("T4", "vips_composite2", lambda: vbg.composite2(vfg, "over").copy_memory()))
    cases.append(("T3", "vips_resize_gap0", lambda: rgb.resize(0.25, kernel="lanczos3", gap=0).copy_memory()))
    cases.append(("T3", "vips_resize_gap2", lambda: rgb.resize(0.25, kernel="lanczos3", gap=2).copy_memory()))
    cases.append(("T4b", "vips_bandjoin", lambda: rgb.bandjoin(matte).copy_memory()))

    rgba2 = pyvips.Image.new_from_file(inputs["rgba2k"]).copy_memory()
    rgb2 = pyvips.Image.new_from_file(inputs["rgb2k"]).copy_memory()
    cases.append(("T5", "vips_png_c6", lambda: rgba2.pngsave_buffer(compression=6)))
    cases.append(("T5", "vips_png_c6_allfilters", lambda: rgba2.pngsave_buffer(compression=6, filter="all")))
    cases.append(("T5", "vips_png_c1", lambda: rgba2.pngsave_buffer(compression=1)))
    cases.append(("T6", "vips_webp_q80", lambda: rgb2.webpsave_buffer(Q=80)))
    for key, name in [("tiff", "vips_decode_tiff"), ("gif", "vips_decode_gif"), ("heic", "vips_decode_heic"), ("avif", "vips_decode_avif")]:
        if os.path.exists(inputs[key]):
            data = read(inputs[key])
            cases.append(("T9", name, lambda data=data: pyvips.Image.new_from_buffer(data, "", access="sequential").copy_memory()))
    # effort 3 is aom's speed 6 (libvips passes 9 - effort).
    cases.append(("T10", "vips_heif_av1_q60_e3", lambda: rgb2.heifsave_buffer(compression="av1", Q=60, effort=3)))
    version = "%d.%d.%d" % (pyvips.version(0), pyvips.version(1), pyvips.version(2))
    return "libvips", version, cases


DRAW_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def draw_spec(inputs):
    with open(inputs["drawspec"]) as f:
        return json.load(f)


def pillow_draw(inputs):
    from PIL import Image, ImageDraw, ImageFont
    spec = draw_spec(inputs)
    font = ImageFont.truetype(DRAW_FONT, 18)
    base = Image.new("RGB", (1920, 1080), (245, 245, 240))

    def draw():
        im = base.copy()
        d = ImageDraw.Draw(im)
        for p in spec["polygons"]:
            d.polygon(list(zip(p["xs"], p["ys"])), fill=tuple(p["rgb"]))  # Pillow's polygons are not anti-aliased
        for l in spec["labels"]:
            # Pillow anchors text at the top-left; Limn's origin is the baseline's left end.
            d.text((l["x"], l["y"]), l["text"], font=font, fill=tuple(l["rgb"]), anchor="ls")
    return [("T7", "pil_draw (aliased polygons)", draw)]


def opencv_draw(inputs):
    import cv2
    import numpy as np
    spec = draw_spec(inputs)
    base = np.full((1080, 1920, 3), (240, 245, 245), np.uint8)
    polys = [(np.round(np.stack([p["xs"], p["ys"]], 1) * 16).astype(np.int32), tuple(int(c) for c in p["rgb"][::-1]))
             for p in spec["polygons"]]

    def draw():
        im = base.copy()
        for pts, colour in polys:
            cv2.fillPoly(im, [pts], colour, lineType=cv2.LINE_AA, shift=4)
        for l in spec["labels"]:
            cv2.putText(im, l["text"], (int(l["x"]), int(l["y"])), cv2.FONT_HERSHEY_SIMPLEX, 0.6,
                        tuple(int(c) for c in l["rgb"][::-1]), 1, cv2.LINE_AA)  # stroke font, no shaping
    return [("T7", "cv_draw (stroke font)", draw)]


def cairo_draw(inputs):
    import cairo
    spec = draw_spec(inputs)

    def draw():
        surface = cairo.ImageSurface(cairo.FORMAT_RGB24, 1920, 1080)
        ctx = cairo.Context(surface)
        ctx.set_source_rgb(245 / 255, 245 / 255, 240 / 255)
        ctx.paint()
        for p in spec["polygons"]:
            ctx.move_to(p["xs"][0], p["ys"][0])
            for x, y in zip(p["xs"][1:], p["ys"][1:]):
                ctx.line_to(x, y)
            ctx.close_path()
            ctx.set_source_rgb(*(c / 255 for c in p["rgb"]))
            ctx.fill()
        ctx.select_font_face("DejaVu Sans")
        ctx.set_font_size(18)
        for l in spec["labels"]:
            ctx.move_to(l["x"], l["y"])
            ctx.set_source_rgb(*(c / 255 for c in l["rgb"]))
            ctx.show_text(l["text"])  # cairo's toy text API: no shaping, no fallback
        surface.flush()
    return [("T7", "cairo_draw (toy text)", draw)]


def ocr_page_words(path):
    """The words of a Google fullTextAnnotation: (text, [(x, y)] * 4), as a user's script reads them."""
    with open(path) as f:
        page = json.load(f)["fullTextAnnotation"]["pages"][0]
    out = []
    for block in page["blocks"]:
        for paragraph in block["paragraphs"]:
            for word in paragraph["words"]:
                text = "".join(s["text"] for s in word["symbols"])
                out.append((text, [(v.get("x", 0), v.get("y", 0)) for v in word["boundingBox"]["vertices"]]))
    return out


def pillow_ocr_page(inputs):
    """T8c as PaddleOCR's draw_ocr draws: each box's polygon, and its text in a TrueType font sized to the box."""
    from PIL import Image, ImageDraw, ImageFont
    base = Image.open(inputs["gcv_jpg"]).convert("RGB")
    fonts = {}

    def draw():
        words = ocr_page_words(inputs["gcv_json"])
        im = base.copy()
        d = ImageDraw.Draw(im)
        for text, quad in words:
            d.polygon(quad, outline=(255, 64, 160))
            size = max(8, int(max(y for _, y in quad) - min(y for _, y in quad)) * 3 // 4)
            font = fonts.get(size) or fonts.setdefault(size, ImageFont.truetype(DRAW_FONT, size))
            d.text((min(x for x, _ in quad), min(y for _, y in quad)), text, font=font, fill=(20, 20, 20))
    return [("T8c", "pil_draw_ocr_style", draw)]


def supervision_ocr_page(inputs):
    import numpy as np
    import supervision as sv
    from PIL import Image
    base = np.array(Image.open(inputs["gcv_jpg"]).convert("RGB"))[:, :, ::-1].copy()
    boxes = sv.BoxAnnotator(thickness=2)
    labels = sv.RichLabelAnnotator(font_path=DRAW_FONT, font_size=22, text_position=sv.Position.CENTER)

    def draw():
        words = ocr_page_words(inputs["gcv_json"])
        xyxy = np.array([[min(x for x, _ in q), min(y for _, y in q), max(x for x, _ in q), max(y for _, y in q)] for _, q in words],
                        dtype=float)
        detections = sv.Detections(xyxy=xyxy, class_id=np.zeros(len(words), dtype=int))
        im = boxes.annotate(base.copy(), detections)
        labels.annotate(im, detections, labels=[t for t, _ in words])
    return "supervision", sv.__version__, [("T8c", "sv_rich_label_annotator", draw)]


def supervision_masks(inputs):
    """T11: the 100 COCO run-length masks decoded by pycocotools (outside the time, as a user's
    pipeline hands supervision dense masks), then MaskAnnotator + LabelAnnotator on the photo."""
    import numpy as np
    import supervision as sv
    from PIL import Image
    from pycocotools import mask as cocomask
    if not os.path.exists(inputs["masks"]):
        return "supervision", sv.__version__, []  # limn-tasks writes the masks when it runs T11
    with open(inputs["masks"]) as f:
        coco = json.load(f)
    names = {c["id"]: c["name"] for c in coco["categories"]}
    anns = coco["annotations"]
    rles = [{"size": a["segmentation"]["size"], "counts": a["segmentation"]["counts"].encode()} for a in anns]
    masks = np.transpose(cocomask.decode(rles), (2, 0, 1)).astype(bool)
    xyxy = np.array([[a["bbox"][0], a["bbox"][1], a["bbox"][0] + a["bbox"][2], a["bbox"][1] + a["bbox"][3]] for a in anns], dtype=float)
    detections = sv.Detections(xyxy=xyxy, mask=masks, class_id=np.array([a["category_id"] for a in anns]),
                               confidence=np.array([a["score"] for a in anns]))
    labels = ["%s %d%%" % (names[a["category_id"]], round(a["score"] * 100)) for a in anns]
    base = np.array(Image.open(inputs["big"]).convert("RGB"))[:, :, ::-1].copy()
    mask_annotator = sv.MaskAnnotator(opacity=0.45)
    label_annotator = sv.LabelAnnotator()

    def draw():
        im = mask_annotator.annotate(base.copy(), detections)
        label_annotator.annotate(im, detections, labels=labels)
    return "supervision", sv.__version__, [("T11", "sv_mask_label_annotator", draw)]


def numpy_cases(inputs):
    import numpy as np
    from PIL import Image
    bg = np.asarray(Image.open(inputs["bg"]).convert("RGB")).astype(np.uint16)
    fg = np.asarray(Image.open(inputs["cutout"]))
    rgb, a = fg[..., :3].astype(np.uint16), fg[..., 3:4].astype(np.uint16)

    def over():
        return ((rgb * a + bg * (255 - a) + 127) // 255).astype(np.uint8)
    return "numpy", np.__version__, [("T4", "np_over_u16", over)]


def cairo_cases(inputs):
    import cairo
    import numpy as np
    from PIL import Image

    def surface(path, alpha):
        im = np.asarray(Image.open(path).convert("RGBA")).astype(np.uint32)
        a = im[..., 3:4] if alpha else np.full(im.shape[:2] + (1,), 255, np.uint32)
        pm = (im[..., :3] * a + 127) // 255  # cairo's ARGB32 is premultiplied, native-endian BGRA
        data = np.dstack([pm[..., 2], pm[..., 1], pm[..., 0], a[..., 0]]).astype(np.uint8).copy()
        h, w = data.shape[:2]
        return cairo.ImageSurface.create_for_data(memoryview(data), cairo.FORMAT_ARGB32, w, h), data
    bg, bg_data = surface(inputs["bg"], False)
    fg, fg_data = surface(inputs["cutout"], True)

    def over():
        ctx = cairo.Context(bg)
        ctx.set_source_surface(fg, 0, 0)
        ctx.paint()
        bg.flush()
    cases = [("T4", "cairo_over", over)]
    if os.path.exists(inputs["drawspec"]):
        cases += cairo_draw(inputs)
    return "cairo (pixman)", cairo.version, cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", default="")
    ap.add_argument("--min-time", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--single-thread", action="store_true")
    a = ap.parse_args()
    only = set(filter(None, a.only.split(",")))
    names = {"big": "synth_4000x3000_q90.jpg", "small": "synth_1024x768_q90.jpg", "matte": "matte_4000x3000_l.png",
             "rgba2k": "cutout_2000x1500_rgba.png", "rgb2k": "synth_2000x1500_rgb.png",
             "bg": "bg_4000x3000_q90.jpg", "cutout": "cutout_4000x3000_rgba.png",
             "drawspec": "draw_spec_1920x1080.json", "tiff": "synth_2000x1500_lzw.tif", "gif": "synth_2000x1500.gif",
             "heic": "synth_2000x1500.heic", "avif": "synth_2000x1500.avif", "masks": "coco_masks_4000x3000.json"}
    inputs = {k: os.path.join(a.inputs, v) for k, v in names.items()}
    google = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "fixtures", "google-vision",
                          "gcv2hocr_handwritten-notes_1916x3000.jpg")
    inputs["gcv_jpg"], inputs["gcv_json"] = google, google + ".json"
    makers = [("Pillow", lambda: pillow_cases(inputs, a.out)),
              ("OpenCV", lambda: opencv_cases(inputs, a.out, a.single_thread)),
              ("libvips", lambda: vips_cases(inputs, a.out, a.single_thread)),
              ("numpy", lambda: numpy_cases(inputs)),
              ("cairo", lambda: cairo_cases(inputs)),
              ("supervision", lambda: supervision_ocr_page(inputs)),
              ("supervision", lambda: supervision_masks(inputs))]
    only_tasks = {"numpy": {"T4"}, "cairo": {"T4", "T7"}, "supervision": {"T8c", "T11"}}
    for name, make in makers:
        if only and name in only_tasks and not (only & only_tasks[name]):
            continue
        try:
            peer, version, cases = make()
        except ImportError as e:
            print(json.dumps({"missing": name, "reason": str(e)}), flush=True)
            continue
        for task, case, fn in cases:
            if only and task not in only:
                continue
            median, low, runs = timeit(fn, a.runs, a.min_time)
            print(json.dumps({"peer": peer, "version": version, "task": task, "case": case,
                              "median_ms": median, "min_ms": low, "runs": runs}), flush=True)


if __name__ == "__main__":
    main()
