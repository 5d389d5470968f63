// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "claimtrack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "claimtrack", targets: ["claimtrack"]),
        .library(name: "ClaimTrackCore", targets: ["ClaimTrackCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libxml2 as a system library; the shim header hides ICU from Swift (NATIVE.md).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Typed one-line wrappers over libcurl's variadic calls.
        .target(
            name: "CCurlShim",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        // libpq (PostgreSQL's C client) as a system library; Swift calls it through one-line wrappers
        // (Record/Postgres/PGConnection.swift). No Swift driver package: nothing more to build in CI.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "ClaimTrackCore",
            dependencies: [
                "CLibXML2",
                "CCurlShim",
                "CLibPQ",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Record/Postgres/Migrations"],
            plugins: ["EmbedSQL"]
        ),
        // The PostgreSQL schema's migrations (.sql files) compiled into the binary as strings.
        .plugin(name: "EmbedSQL", capability: .buildTool()),
        // The git commit of the build, for `claimtrack --version`.
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .executableTarget(
            name: "claimtrack",
            dependencies: [
                "ClaimTrackCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildCommit"]
        ),
        .target(
            name: "ClaimTrackTestSupport",
            dependencies: ["ClaimTrackCore"]
        ),
        .testTarget(
            name: "ClaimTrackCoreTests",
            dependencies: ["ClaimTrackCore", "ClaimTrackTestSupport"]
        ),
    ]
)
