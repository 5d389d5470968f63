// swift-tools-version:6.0
// libFuzzer targets for claimtrack's readers of untrusted text (bench/fuzz.sh builds and runs them).
import PackageDescription

let package = Package(
    name: "claimtrack-fuzz",
    // bench/fuzz.sh links the repository as ../claimtrack next to a copy of this package.
    dependencies: [.package(path: "../claimtrack")],
    targets: [
        .executableTarget(
            name: "claimtrack-fuzz",
            dependencies: [.product(name: "ClaimTrackCore", package: "claimtrack")]
        ),
    ]
)
