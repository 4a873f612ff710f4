/// Azure AI Vision Image Analysis 4.0 (`2023-10-01` GA) responses.
enum AzureImageAnalysis40 {
    static func read(_ body: [String: Any], _ r: FieldReader) throws(ResultsError) -> Analysis {
        var analysis = Analysis(vendor: .azureImageAnalysis40, imageSize: try r.size(body["metadata"], "metadata"))
        if let crops = body["smartCropsResult"] {
            let values = try r.array(try r.object(crops, "smartCropsResult")["values"], "smartCropsResult.values")
            for (i, value) in values.enumerated() {
                let path = "smartCropsResult.values[\(i)]"
                let crop = try r.object(value, path)
                let ratio = crop["aspectRatio"] == nil ? nil : try r.number(crop["aspectRatio"], path + ".aspectRatio")
                analysis.cropSuggestions.append(CropSuggestion(
                    aspectRatio: ratio.flatMap { $0 > 0 ? $0 : nil }, box: try r.box(crop["boundingBox"], path + ".boundingBox")))
            }
        }
        return analysis
    }
}
