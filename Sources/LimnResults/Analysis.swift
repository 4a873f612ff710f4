import LimnGeometry

/// A suggested crop: Azure 4.0 `smartCropsResult.values[]` (with the aspect ratio it was asked
/// for) or Azure 3.2 `areaOfInterest` (no ratio).
public struct CropSuggestion: Hashable, Sendable {
    /// The width/height ratio the service aimed for, when it says so.
    public var aspectRatio: Double?
    /// In the analysed image's pixels, like every region (or the picture's, once ``Analysis/mapped(to:analysedUpright:)``).
    public var box: Rect

    /// A suggestion of `box`, aimed at `aspectRatio` when the service says which.
    public init(aspectRatio: Double? = nil, box: Rect) {
        self.aspectRatio = aspectRatio
        self.box = box
    }
}

/// Which service produced a result.
public enum Vendor: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    /// Azure AI Vision Image Analysis 4.0 (GA and preview).
    case azureImageAnalysis40 = "Azure Image Analysis 4.0"
    /// Azure Computer Vision 3.2: analyze, read and the legacy OCR.
    case azureComputerVision32 = "Azure Computer Vision 3.2"
    /// Baidu AI: body segmentation and matting, OCR, object detection.
    case baidu = "Baidu AI"
    /// Google Cloud Vision `images:annotate`.
    case googleCloudVision = "Google Cloud Vision"
    /// AWS Rekognition: labels, text, faces, celebrities.
    case awsRekognition = "AWS Rekognition"
    /// Azure AI Document Intelligence v4.
    case azureDocumentIntelligence = "Azure AI Document Intelligence"
    /// Azure AI Content Understanding.
    case azureContentUnderstanding = "Azure AI Content Understanding"
    /// EasyOCR's `readtext` saved as JSON.
    case easyOCR = "EasyOCR"
    /// PaddleOCR 2.x and 3.x results.
    case paddleOCR = "PaddleOCR"
    /// Tesseract hOCR and TSV.
    case tesseract = "Tesseract"
    /// AWS Textract: text detection, document analysis and their asynchronous results.
    case awsTextract = "AWS Textract"
    /// Microsoft's Florence-2 model, its post-processed answers.
    case florence2 = "Florence-2"
    /// COCO results and annotation files (Detectron2, MMDetection, SAM-style masks).
    case coco = "COCO"
    /// Ultralytics YOLO `to_json` results and YOLO label text.
    case ultralytics = "Ultralytics YOLO"
    /// Masks given as pictures: a segmenter's per-instance PNGs or a class map.
    case maskPictures = "mask pictures"

    public var description: String { rawValue }
}

/// Which API's JSON a result is: detected from its shape, or said by the caller.
public enum ResultFormat: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    /// Image Analysis 4.0 GA (`2023-10-01`, also `2024-02-01` models).
    case azure40 = "azure-4.0"
    /// Image Analysis 4.0 preview (`2023-02-01-preview`): `readResult` with `content` and `pages`.
    case azure40Preview = "azure-4.0-preview"
    /// Computer Vision 3.2 `analyze`, `describe`, `detect`, `areaOfInterest`.
    case azure32Analyze = "azure-3.2-analyze"
    /// Computer Vision 3.2 `read` results (`analyzeResult.readResults`).
    case azure32Read = "azure-3.2-read"
    /// Computer Vision 3.2 legacy `ocr` (`regions` of `"x,y,w,h"` strings, `textAngle`).
    case azure32OCR = "azure-3.2-ocr"
    /// Baidu segmentation and matting (`labelmap`, `scoremap`, `foreground`, `image`, `person_info`).
    case baiduSegmentation = "baidu-segmentation"
    /// Baidu OCR (`words_result`).
    case baiduOCR = "baidu-ocr"
    /// Baidu `object_detect` (`result{left,top,width,height}`).
    case baiduObjectDetect = "baidu-object-detect"
    /// Google Cloud Vision `images:annotate` (`responses[]`).
    case googleVision = "google-vision"
    /// AWS Rekognition DetectLabels.
    case awsLabels = "aws-labels"
    /// AWS Rekognition DetectText.
    case awsText = "aws-text"
    /// AWS Rekognition DetectFaces.
    case awsFaces = "aws-faces"
    /// AWS Rekognition RecognizeCelebrities.
    case awsCelebrities = "aws-celebrities"
    /// Azure AI Document Intelligence v4 (`2024-11-30` and later): `analyzeResult` with `pages`,
    /// `paragraphs`, `tables`, `keyValuePairs`, `documents`; pages in pixels or inches.
    case documentIntelligence = "azure-document-intelligence"
    /// Azure AI Content Understanding (GA `2025-11-01`, the 2026 previews): `result.contents[]`
    /// with `D(page,…)` source strings.
    case contentUnderstanding = "azure-content-understanding"
    /// AWS Textract DetectDocumentText and AnalyzeDocument (`Blocks` linked by id; fractions).
    case textract = "aws-textract"
    /// Florence-2's post-processed answers (`processor.post_process_generation`) saved as JSON:
    /// one object keyed by task (`<OD>`, `<DENSE_REGION_CAPTION>`, `<OCR_WITH_REGION>`,
    /// `<REFERRING_EXPRESSION_SEGMENTATION>`, …), in pixels (integer or float).
    case florence2 = "florence-2"
    /// A COCO results file: `[{image_id, category_id, bbox, score, segmentation?, keypoints?}]`,
    /// for many pictures (one is chosen).
    case cocoResults = "coco-results"
    /// A COCO annotation file (`images`, `annotations`, `categories` with names and skeletons),
    /// for many pictures (one is chosen).
    case cocoDataset = "coco"
    /// Ultralytics `Results.to_json()` / `summary()`: `[{name, class, confidence, box, segments?, keypoints?}]`,
    /// bare or in a `{"results": …}` object.
    case ultralytics = "ultralytics"
    /// YOLO label text (`class cx cy w h`, segmentation `class x y x y …`, pose `class cx cy w h x y v …`),
    /// normalised to the picture's size.
    case yoloLabels = "yolo"
    /// Per-instance mask pictures (`Analysis.init(instanceMasks:source:)` in `Limn`); not JSON.
    case instanceMasks = "instance-masks"
    /// A class map picture, each pixel's value its class (`Analysis.init(labelMap:names:source:)`); not JSON.
    case labelMap = "label-map"
    /// EasyOCR `readtext` saved as JSON: `[[box, text, confidence], …]`.
    case easyOCR = "easyocr"
    /// PaddleOCR 3.x result JSON (`rec_texts`, `rec_scores`, `rec_polys`/`rec_boxes`), or 2.x's
    /// `[[[box, [text, score]], …]]` (a list per page).
    case paddleOCR = "paddleocr"
    /// Tesseract hOCR (`ocr_page`, `ocr_line`, `ocrx_word` with `bbox` titles). Not JSON: read
    /// by ``Analysis/init(json:format:source:limits:page:picture:)`` all the same.
    case tesseractHOCR = "tesseract-hocr"
    /// Tesseract TSV (`image_to_data`: level, page, block, paragraph, line, word, box, conf, text).
    case tesseractTSV = "tesseract-tsv"

    public var description: String { rawValue }

    /// The service the format belongs to.
    public var vendor: Vendor {
        switch self {
        case .azure40, .azure40Preview: return .azureImageAnalysis40
        case .azure32Analyze, .azure32Read, .azure32OCR: return .azureComputerVision32
        case .baiduSegmentation, .baiduOCR, .baiduObjectDetect: return .baidu
        case .googleVision: return .googleCloudVision
        case .awsLabels, .awsText, .awsFaces, .awsCelebrities: return .awsRekognition
        case .documentIntelligence: return .azureDocumentIntelligence
        case .contentUnderstanding: return .azureContentUnderstanding
        case .easyOCR: return .easyOCR
        case .paddleOCR: return .paddleOCR
        case .tesseractHOCR, .tesseractTSV: return .tesseract
        case .textract: return .awsTextract
        case .florence2: return .florence2
        case .cocoResults, .cocoDataset: return .coco
        case .ultralytics, .yoloLabels: return .ultralytics
        case .instanceMasks, .labelMap: return .maskPictures
        }
    }
}

/// Where a region is: an axis-aligned box, or a polygon (OCR text: four corners clockwise from
/// the text's own top-left).
public enum RegionShape: Hashable, Sendable {
    /// An axis-aligned box.
    case box(Rect)
    /// A polygon: OCR text's four corners clockwise from the text's own top-left, or a segment's outline.
    case polygon([Point])

    /// The shape's corners: a box's four clockwise from its top-left, or the polygon's points.
    public var points: [Point] {
        switch self {
        case .box(let b): return b.corners
        case .polygon(let p): return p
        }
    }

    /// The smallest box around the shape (an empty one at the origin for a polygon of no points).
    public var bounds: Rect {
        if case .box(let b) = self { return b }
        return Rect(bounding: points) ?? Rect(x: 0, y: 0, width: 0, height: 0)
    }
}

/// What a region shows.
public enum RegionKind: String, Sendable, CaseIterable, Codable {
    /// A thing a detector named (Azure, Google and AWS objects and labels, COCO categories).
    case object
    /// A person (Azure 4.0 people, a COCO person with a pose).
    case person
    /// A face (Azure 3.2, Google, AWS); its landmarks are keypoints.
    case face
    /// A region described in a sentence (Azure 4.0 dense captions, Florence-2 region captions).
    case denseCaption
    /// A block of text (Google's blocks, Tesseract's paragraphs); its children are lines.
    case textBlock
    /// A line of text; its children are its words.
    case textLine
    /// One word.
    case textWord
    /// A brand or logo.
    case brand
    /// A celebrity's face, named.
    case celebrity
    /// A landmark (Google).
    case landmark
    /// The main subject of a segmentation (Baidu's body, a matte's foreground).
    case subject
    /// A document's paragraph; its ``Region/role`` says what it is (title, page header, …) when the service says.
    case paragraph
    /// A table; its children are its cells.
    case table
    /// A table cell; ``Region/cell`` says where it sits and how far it spans.
    case tableCell
    /// A form's key (`Name:`); its one child, when the service found one, is the value.
    case formKey
    /// A form's value, the child of its key.
    case formValue
    /// A check box or radio button; the label is `selected` or `unselected`.
    case selectionMark
    /// A field a document model extracted (an invoice's total); the role is the field's name,
    /// the label its text.
    case field
}

/// Where a table cell sits: its first row and column (from 0) and how many it spans, and
/// whether it is a header.
public struct TableCellPosition: Hashable, Sendable {
    /// Whether a cell is data or a header, as Document Intelligence and Textract say.
    public enum Kind: String, Sendable, Codable {
        /// An ordinary cell.
        case content
        /// A header over a column.
        case columnHeader
        /// A header at the start of a row.
        case rowHeader
        /// The top-left cell over the row headers.
        case stubHead
        /// A cell describing the table (a caption inside it).
        case description
    }
    /// The first row, from 0.
    public var row: Int
    /// The first column, from 0.
    public var column: Int
    /// How many rows it spans (at least 1).
    public var rowSpan: Int
    /// How many columns it spans (at least 1).
    public var columnSpan: Int
    /// Whether it is data or a header.
    public var kind: Kind

    /// A cell at `row`, `column` spanning `rowSpan` × `columnSpan`, of `kind`.
    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, kind: Kind = .content) {
        self.row = row; self.column = column; self.rowSpan = rowSpan; self.columnSpan = columnSpan; self.kind = kind
    }
}

/// Whether a region's coordinates are pixels of the analysed image, or fractions (0…1) of its
/// width and height (AWS Rekognition, Google `normalizedVertices`, PDF pages measured in inches).
public enum RegionUnits: String, Sendable, Codable {
    /// Pixels of the analysed image.
    case pixels
    /// Fractions of the analysed image's width and height, 0…1.
    case fractions
}

/// One detection, normalised: what, how sure, where, and its parts (the words of a text line).
public struct Region: Hashable, Sendable {
    /// What the region shows.
    public var kind: RegionKind
    /// The class name, caption or recognised text ("" when the service gives none).
    public var label: String
    /// In 0…1 (AWS's 0–100 is divided); nil when the service gives none.
    public var confidence: Double?
    /// Where it is, in ``units``.
    public var shape: RegionShape
    /// Whether ``shape`` (and the keypoints) are pixels or fractions.
    public var units: RegionUnits
    /// Its parts: the words of a text line, the lines of a block, the cells of a table, the value of a form key.
    public var children: [Region]
    /// Broader classes, nearest first (Azure 3.2 `parent` chains: "tree" → ["plant"]).
    public var parents: [String]
    /// What a document part is, as the service names it: a paragraph's role (`title`,
    /// `sectionHeading`, `pageHeader`, `pageFooter`, `pageNumber`, `footnote`), a field's name.
    public var role: String?
    /// A table cell's row, column and spans.
    public var cell: TableCellPosition?
    /// The instance's own pixels (a segmentation), when the result has them; ``shape`` is then
    /// its box.
    public var mask: InstanceMask?
    /// A pose's or a face's points, in the result's order; the ``skeleton`` joins them.
    public var keypoints: [Keypoint]
    /// Pairs of ``keypoints`` joined by a line (a pose's limbs), by index.
    public var skeleton: [KeypointLink]
    /// The model's class index (COCO `category_id`, Ultralytics and YOLO `class`), when it gives one.
    public var classID: Int?

    /// A region; only its kind, label, confidence and shape are required.
    public init(
        kind: RegionKind, label: String, confidence: Double?, shape: RegionShape, units: RegionUnits = .pixels,
        children: [Region] = [], parents: [String] = [], role: String? = nil, cell: TableCellPosition? = nil,
        mask: InstanceMask? = nil, keypoints: [Keypoint] = [], skeleton: [KeypointLink] = [], classID: Int? = nil
    ) {
        self.kind = kind; self.label = label; self.confidence = confidence; self.shape = shape
        self.units = units; self.children = children; self.parents = parents; self.role = role; self.cell = cell
        self.mask = mask; self.keypoints = keypoints; self.skeleton = skeleton; self.classID = classID
    }
}

/// A caption of the whole image.
public struct Caption: Hashable, Sendable {
    /// What the caption says.
    public var text: String
    /// In 0…1; nil when the service gives none.
    public var confidence: Double?
    /// A caption of `text`, as sure as `confidence`.
    public init(text: String, confidence: Double?) { self.text = text; self.confidence = confidence }
}

/// A tag (label) of the whole image.
public struct Tag: Hashable, Sendable {
    /// The tag's name.
    public var name: String
    /// In 0…1; nil when the service gives none.
    public var confidence: Double?
    /// A tag of `name`, as sure as `confidence`.
    public init(name: String, confidence: Double?) { self.name = name; self.confidence = confidence }
}

/// A matte or cutout that a service returned inside its JSON, as encoded image bytes (base64
/// decoded; still PNG or whatever the service sent).
public struct EncodedMatte: Sendable, Equatable {
    /// What the picture holds.
    public enum Kind: String, Sendable {
        /// Baidu `labelmap`: the subject as label values (0/1 for body segmentation).
        case labelmap
        /// Baidu `scoremap`: per-pixel confidence, 0–255.
        case scoremap
        /// Baidu `foreground`: an RGBA cutout; its alpha is the matte.
        case foreground
        /// Baidu matting `image`: RGBA (`return_form=rgba`) or a gray mask (`return_form=mask`).
        case image
    }

    /// What the picture holds.
    public var kind: Kind
    /// The JSON field it came from.
    public var field: String
    /// The encoded picture (PNG, JPEG, whatever the service sent).
    public var bytes: [UInt8]

    /// A matte of `kind` from the JSON field `field`.
    public init(kind: Kind, field: String, bytes: [UInt8]) {
        self.kind = kind
        self.field = field
        self.bytes = bytes
    }
}

/// A vision result, normalised: every vendor's JSON maps into it. Coordinates are in pixels of
/// the analysed image (or fractions of it, see ``RegionUnits``); ``mapped(to:analysedUpright:)`` turns them
/// into the pixels of the picture being drawn.
public struct Analysis: Sendable, Equatable {
    /// The service that produced the result.
    public var vendor: Vendor
    /// The API, or model output, the result's JSON is (detected, or as forced).
    public var format: ResultFormat
    /// The model version the service names, when it does.
    public var modelVersion: String?
    /// The size of the image the service analysed (`metadata`, a read page), when it says.
    public var imageSize: Size?
    /// Captions of the whole image, best first.
    public var captions: [Caption]
    /// Tags of the whole image, in the service's order.
    public var tags: [Tag]
    /// Detections in the order the service listed them; text lines hold their words as children.
    public var regions: [Region]
    /// Crops the service suggested, in its order.
    public var cropSuggestions: [CropSuggestion]
    /// Mattes and cutouts embedded in the result (Baidu), best first: an RGBA foreground, the
    /// matting image, the score map, the label map.
    public var encodedMattes: [EncodedMatte]
    /// Azure 3.2 legacy OCR: the boxes are in the image turned clockwise by this many degrees
    /// around its center; ``mapped(to:analysedUpright:)`` turns them back.
    public var textAngle: Double?
    /// Text recognised without a position (Baidu OCR without `location`), in reading order.
    public var unplacedText: [String] = []
    /// Which page of a document result this is (from 1), and how many it has; nil for results
    /// of a single picture.
    public var page: Int?
    /// How many pages the document result has; nil for a single picture's result.
    public var pageCount: Int?

    /// A result of these parts; the readers make these from a service's JSON.
    public init(
        vendor: Vendor, format: ResultFormat, modelVersion: String? = nil, imageSize: Size?,
        captions: [Caption] = [], tags: [Tag] = [], regions: [Region] = [],
        cropSuggestions: [CropSuggestion] = [], encodedMattes: [EncodedMatte] = [], textAngle: Double? = nil
    ) {
        self.vendor = vendor
        self.format = format
        self.modelVersion = modelVersion
        self.imageSize = imageSize
        self.captions = captions
        self.tags = tags
        self.regions = regions
        self.cropSuggestions = cropSuggestions
        self.encodedMattes = encodedMattes
        self.textAngle = textAngle
    }

    /// Every region and every child, depth first.
    public var allRegions: [Region] {
        var out: [Region] = []
        func visit(_ r: Region) { out.append(r); r.children.forEach(visit) }
        regions.forEach(visit)
        return out
    }
}
