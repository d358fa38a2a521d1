import GRDB

/// The store's migrations. A released migration is never edited: a change is a new migration.
enum ProgressSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: items and review log") { db in
            // Times are Unix seconds (REAL): they sort and compare in SQL, and
            // datetime(due, 'unixepoch') reads them.
            try db.execute(sql: """
                CREATE TABLE item (
                    id TEXT PRIMARY KEY NOT NULL,      -- deck:claim:kind
                    deck TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('learning', 'review', 'relearning')),
                    step INTEGER,
                    stability REAL,
                    difficulty REAL,
                    due REAL NOT NULL,
                    last_review REAL,
                    reps INTEGER NOT NULL DEFAULT 0,
                    lapses INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX item_deck_due ON item (deck, due);

                CREATE TABLE review_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id TEXT NOT NULL,
                    deck TEXT NOT NULL,
                    reviewed_at REAL NOT NULL,
                    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                    elapsed_days INTEGER,              -- whole days since the previous review
                    answer_ms INTEGER,                 -- how long the answer took
                    state_before TEXT NOT NULL,        -- 'new' for a first review
                    step_before INTEGER,
                    stability_before REAL,
                    difficulty_before REAL,
                    state_after TEXT NOT NULL,
                    step_after INTEGER,
                    stability_after REAL NOT NULL,
                    difficulty_after REAL NOT NULL,
                    retrievability REAL,               -- predicted recall just before the review
                    due_after REAL NOT NULL
                );
                CREATE INDEX review_log_item ON review_log (item_id, reviewed_at);
                CREATE INDEX review_log_deck ON review_log (deck, reviewed_at);
                CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
                    BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
                CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
                    BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
                """)
        }
        migrator.registerMigration("v2: speed reading log") { db in
            // One row per timed reading (`debate quiz --mode speed`); append-only like the review log.
            try db.execute(sql: """
                CREATE TABLE speed_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    item_id TEXT NOT NULL,             -- deck:claim:speed
                    deck TEXT NOT NULL,
                    card_id TEXT NOT NULL,
                    read_at REAL NOT NULL,             -- when the reading ended (Unix seconds)
                    words INTEGER NOT NULL CHECK (words > 0),
                    seconds REAL NOT NULL CHECK (seconds > 0),
                    target_wpm INTEGER NOT NULL CHECK (target_wpm > 0)
                );
                CREATE INDEX speed_log_deck ON speed_log (deck, read_at);
                CREATE TRIGGER speed_log_no_update BEFORE UPDATE ON speed_log
                    BEGIN SELECT RAISE(ABORT, 'the speed log is append-only'); END;
                CREATE TRIGGER speed_log_no_delete BEFORE DELETE ON speed_log
                    BEGIN SELECT RAISE(ABORT, 'the speed log is append-only'); END;
                """)
        }
        return migrator
    }()

    /// The first migration: a store that has it but not the later ones was written by an older debate.
    static let first = "v1: items and review log"
}
