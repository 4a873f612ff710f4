import ArgumentParser
import Limn

/// `limn manual`: the man page, generated from the parser's own help, so it says what `--help`
/// says and cannot drift from it.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print limn's manual page (roff, for man), made from every subcommand's --help.",
        discussion: """
            Example:
              limn manual > limn.1 && man -l limn.1
              limn manual > /usr/local/share/man/man1/limn.1
            """
    )

    func run() throws {
        print(Self.page(), terminator: "")
    }

    /// The page: name, synopsis, description, each subcommand's help as the parser prints it,
    /// the exit statuses and the environment.
    static func page() -> String {
        let root = LimnCommand.configuration
        var page = """
            .TH LIMN 1 "" "limn \(Limn.version)" "User Commands"
            .SH NAME
            limn \\- \(escape(root.abstract))
            .SH SYNOPSIS
            .B limn
            .I subcommand
            .RI [ options ]
            .br
            .B limn
            .RB [ \\-\\-version | \\-\\-help ]
            .SH DESCRIPTION

            """
        page += paragraphs(root.discussion)
        page += ".SH COMMANDS\n"
        for sub in root.subcommands {
            let name = sub._commandName
            page += ".SS limn \(name)\n"
            page += escape(sub.configuration.abstract) + "\n"
            page += ".PP\n.nf\n"
            for line in LimnCommand.helpMessage(for: sub, columns: 100).split(separator: "\n", omittingEmptySubsequences: false) {
                page += escapeLine(String(line)) + "\n"
            }
            page += ".fi\n"
        }
        page += ".SH EXIT STATUS\n"
        for (code, meaning) in ExitStatus.table {
            page += ".TP\n.B \(code)\n\(escape(meaning))\n"
        }
        page += """
            .SH ENVIRONMENT
            .TP
            .B LIMN_THREADS
            The most threads a job uses (default: one per core).
            .SH SEE ALSO
            The README and the documentation catalogue (swift package generate-documentation) of the Limn package.

            """
        return page
    }

    /// Text for roff: backslashes doubled, hyphens kept as hyphens.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "-", with: "\\-")
    }

    /// A line of preformatted text: escaped, and guarded when it starts with a dot or a quote
    /// (which roff would read as a request).
    static func escapeLine(_ line: String) -> String {
        let escaped = escape(line)
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    /// Discussion text as roff paragraphs (blank lines between them).
    static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.trimmingCharacters(in: .whitespaces).isEmpty ? ".PP" : escapeLine(String(line))
        }.joined(separator: "\n") + "\n"
    }
}
