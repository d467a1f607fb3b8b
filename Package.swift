// swift-tools-version:6.0
import PackageDescription

// CI builds Onward's own targets with warnings as errors (ONWARD_STRICT=1 in .ci/run), so a warning
// cannot land; a local build only prints them. Dependencies are never affected.
let strict: [SwiftSetting] = Context.environment["ONWARD_STRICT"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : []

let package = Package(
    name: "onward",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "onward", targets: ["onward"]),
        .executable(name: "onward-bench", targets: ["onward-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", exact: "1.13.4"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor.git", exact: "1.2.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
    ],
    targets: [
        .target(
            name: "OnwardCore",
            dependencies: [.product(name: "CSV", package: "CSV.swift"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")] + strict
        ),
        .target(
            name: "OnwardApp",
            dependencies: [
                "OnwardCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [
                .copy("Public"),
                .copy("openapi.json"),
            ],
            swiftSettings: strict,
            plugins: [
                .plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator"),
            ]
        ),
        .executableTarget(
            name: "onward",
            dependencies: ["OnwardApp", .product(name: "Vapor", package: "vapor"), .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "onward-bench",
            dependencies: ["OnwardCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OnwardCoreTests",
            dependencies: ["OnwardCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OnwardAppTests",
            dependencies: [
                "OnwardApp",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            // The schema snapshots are read from the source tree, not shipped with the tests.
            exclude: ["Schema"],
            swiftSettings: strict
        ),
    ]
)
