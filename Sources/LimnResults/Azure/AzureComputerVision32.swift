/// Azure Computer Vision 3.2 responses.
enum AzureComputerVision32 {
    static func read(_ body: [String: Any], _ r: FieldReader) throws(ResultsError) -> Analysis {
        var analysis = Analysis(vendor: .azureComputerVision32, imageSize: try r.size(body["metadata"], "metadata"))
        if let area = body["areaOfInterest"] {
            analysis.cropSuggestions.append(CropSuggestion(aspectRatio: nil, box: try r.box(area, "areaOfInterest")))
        }
        return analysis
    }
}
