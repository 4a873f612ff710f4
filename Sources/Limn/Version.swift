/// Limn's version, as `limn --version` prints it and the CHANGELOG lists it: semantic versioning
/// of the library products' public API (see CHANGELOG.md for what each release changed).
public let version = "1.0.0"
