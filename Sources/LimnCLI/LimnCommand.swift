import ArgumentParser

@main
struct LimnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limn",
        abstract: "See what a vision service saw: decode, convert, annotate, thumbnail and cut out images.",
        subcommands: [Info.self, Convert.self]
    )
}
