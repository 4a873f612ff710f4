/// Which picture of a result that describes many (a COCO annotation or results file) to read.
public enum PictureSelector: Hashable, Sendable {
    /// The picture with this id (COCO `image_id`).
    case id(String)
    /// The picture with this file name (a path is compared by its last component); in a
    /// results file, which has no names, the number in the name (`COCO_val2014_000000000042.jpg`
    /// is 42).
    case fileName(String)
    /// The picture being drawn, named so: its file name or the number in it when the result
    /// has it, else the result's only picture. What the command line passes unless told.
    case matching(String)
}
