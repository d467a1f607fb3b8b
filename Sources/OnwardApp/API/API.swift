import Vapor

enum API {
    static func register(on app: Application) throws {}
}
