import Fluent
import Foundation
import Vapor

/// A capability's use cases: what they need is a database and the time it is now, both of which a
/// request carries.
protocol UseCases {
    init(db: any Database, now: Date)
}

extension UseCases {
    init(req: Request) {
        self.init(db: req.db, now: req.now)
    }
}
