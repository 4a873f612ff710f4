import Foundation
import LimnResults
import Testing

/// Results are bounded: by bytes before parsing, by regions (words included) after mapping.
@Suite struct ResultLimitsTests {
    func people(_ count: Int) -> Data {
        var json = #"{"metadata": {"width": 1000, "height": 1000}, "peopleResult": {"values": ["#
        json += (0..<count).map { i in #"{"boundingBox": {"x": \#(i % 900), "y": 0, "w": 20, "h": 40}, "confidence": 0.5}"# }
            .joined(separator: ",")
        return Data((json + "]}}").utf8)
    }

    @Test func oneRegionOverTheDefaultLimitIsRefused() throws {
        #expect(try Analysis(json: people(100_000)).regions.count == 100_000)
        #expect(
            throws: ResultsError.overLimit(
                source: "big.json", what: "the result holds 100001 regions", limit: "at most 100000, ResultLimits.maxRegions")
        ) {
            try Analysis(json: people(100_001), source: "big.json")
        }
    }

    @Test func wordsCountAsRegions() throws {
        // Three lines of two words each: nine regions in all.
        let lines = (0..<3).map { l in
            #"{"text": "a b", "boundingPolygon": [{"x": 0, "y": \#(l * 10)}, {"x": 9, "y": \#(l * 10)}, {"x": 9, "y": \#(l * 10 + 9)}, {"x": 0, "y": \#(l * 10 + 9)}], "words": [{"text": "a", "boundingPolygon": [{"x": 0, "y": 0}, {"x": 4, "y": 0}, {"x": 4, "y": 9}, {"x": 0, "y": 9}], "confidence": 0.9}, {"text": "b", "boundingPolygon": [{"x": 5, "y": 0}, {"x": 9, "y": 0}, {"x": 9, "y": 9}, {"x": 5, "y": 9}], "confidence": 0.9}]}"#
        }.joined(separator: ",")
        let json = Data((#"{"metadata": {"width": 100, "height": 100}, "readResult": {"blocks": [{"lines": ["# + lines + "]}]}}").utf8)
        #expect(try Analysis(json: json, limits: ResultLimits(maxRegions: 9)).allRegions.count == 9)
        #expect(throws: ResultsError.self) { try Analysis(json: json, limits: ResultLimits(maxRegions: 8)) }
    }

    @Test func aDocumentOverTheByteLimitIsRefusedBeforeParsing() throws {
        let json = people(10)
        #expect(
            throws: ResultsError.overLimit(
                source: "r.json", what: "the document holds \(json.count) bytes", limit: "at most 100, ResultLimits.maxJSONBytes")
        ) {
            try Analysis(json: json, source: "r.json", limits: ResultLimits(maxJSONBytes: 100))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limn-limit-\(UUID().uuidString).json").path
        try json.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            throws: ResultsError.overLimit(
                source: path, what: "the file holds \(json.count) bytes", limit: "at most 100, ResultLimits.maxJSONBytes")
        ) {
            try Analysis(contentsOfFile: path, limits: ResultLimits(maxJSONBytes: 100))
        }
        #expect(try Analysis(contentsOfFile: path, limits: ResultLimits(maxJSONBytes: json.count)).regions.count == 10)
    }
}
