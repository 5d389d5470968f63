// swift-tools-version:6.0
// Trains claimtrack's attribution tagger on PolNeAR (bench/train_attribution.sh builds and runs it).
import PackageDescription

let package = Package(
    name: "claimtrack-attribution-model",
    // bench/train_attribution.sh links the repository as ../claimtrack next to a copy of this package.
    dependencies: [.package(path: "../claimtrack")],
    targets: [
        .executableTarget(
            name: "train-attribution",
            dependencies: [.product(name: "ClaimTrackCore", package: "claimtrack")]
        ),
    ]
)
