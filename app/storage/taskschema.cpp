#include "taskschema.h"

namespace veo {

// Migration N (1-based) brings the schema from user_version N-1 to N. Append only: a migration
// that has shipped is never edited. Times are epoch milliseconds (UTC), NULL when unknown; text
// columns are nullable so that a null string stays null; URL lists are JSON arrays.
const QList<QStringList> &schemaMigrations()
{
    static const QList<QStringList> list = {
        // 1: one column per TaskRecord field.
        {QStringLiteral("CREATE TABLE tasks ("
                        "task_id TEXT PRIMARY KEY NOT NULL,"
                        "key_id TEXT,"
                        "added_at INTEGER,"
                        "last_checked INTEGER,"
                        "error_kind TEXT NOT NULL DEFAULT 'none',"
                        "error_code INTEGER NOT NULL DEFAULT 0,"
                        "error_http INTEGER NOT NULL DEFAULT 0,"
                        "error_message TEXT,"
                        "error_retry INTEGER NOT NULL DEFAULT -1,"
                        "status TEXT NOT NULL DEFAULT 'pending',"
                        "success_flag INTEGER NOT NULL DEFAULT -1,"
                        "param_json TEXT,"
                        "prompt TEXT,"
                        "model TEXT,"
                        "aspect_ratio TEXT,"
                        "requested_resolution TEXT,"
                        "generation_type TEXT,"
                        "error_code_kie INTEGER,"
                        "error_message_kie TEXT,"
                        "create_time INTEGER,"
                        "complete_time INTEGER,"
                        "fallback_flag INTEGER,"
                        "resolution TEXT,"
                        "result_urls TEXT NOT NULL DEFAULT '[]',"
                        "origin_urls TEXT NOT NULL DEFAULT '[]',"
                        "full_result_urls TEXT NOT NULL DEFAULT '[]',"
                        "extra_json BLOB)"),
         QStringLiteral("CREATE INDEX tasks_status ON tasks(status)")},
        // 2: API key profiles (metadata only: secrets live in the OS keychain, see
        // KeyProfileStore).
        {QStringLiteral("CREATE TABLE keys ("
                        "key_id TEXT PRIMARY KEY NOT NULL,"
                        "label TEXT NOT NULL,"
                        "hint TEXT,"
                        "is_default INTEGER NOT NULL DEFAULT 0,"
                        "credits INTEGER,"
                        "credits_checked INTEGER,"
                        "health TEXT NOT NULL DEFAULT 'unchecked',"
                        "health_detail TEXT,"
                        "added_at INTEGER)"),
         QStringLiteral("CREATE INDEX tasks_key ON tasks(key_id)")},
        // 3: downloads, one row per task video (see DownloadStore); local_path is the last
        // completed copy and stays while a new download of the same video runs.
        {QStringLiteral("CREATE TABLE downloads ("
                        "task_id TEXT NOT NULL,"
                        "kind TEXT NOT NULL,"
                        "idx INTEGER NOT NULL,"
                        "url TEXT NOT NULL,"
                        "source_url TEXT,"
                        "dest_dir TEXT NOT NULL,"
                        "file_name TEXT NOT NULL,"
                        "expected_size INTEGER,"
                        "state TEXT NOT NULL,"
                        "error_category TEXT,"
                        "error_http INTEGER NOT NULL DEFAULT 0,"
                        "error_detail TEXT,"
                        "local_path TEXT,"
                        "updated_at INTEGER,"
                        "PRIMARY KEY (task_id, kind, idx))")},
        // 4: TaskRecord::findingOwner, so a "Try all keys" search survives a restart.
        {QStringLiteral("ALTER TABLE tasks ADD COLUMN finding_owner INTEGER NOT NULL DEFAULT 0")},
        // 5: TaskRecord::kind and parentTaskId; every task so far is a Veo generation.
        {QStringLiteral("ALTER TABLE tasks ADD COLUMN kind TEXT NOT NULL DEFAULT 'veo'"),
         QStringLiteral("ALTER TABLE tasks ADD COLUMN parent_id TEXT")},
        // 6: upgrades and requests sent from here: TaskRecord::videoIndex, submission,
        // imageUrls.
        {QStringLiteral("ALTER TABLE tasks ADD COLUMN video_index INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE tasks ADD COLUMN submission TEXT NOT NULL DEFAULT 'none'"),
         QStringLiteral("ALTER TABLE tasks ADD COLUMN image_urls TEXT NOT NULL DEFAULT '[]'"),
         QStringLiteral("CREATE INDEX tasks_parent ON tasks(parent_id)")},
        // 7: generations sent from here: TaskRecord::sourceTaskId (the task re-run).
        {QStringLiteral("ALTER TABLE tasks ADD COLUMN source_id TEXT")},
        // 8: TaskRecord::cost (credits); NULL = unknown.
        {QStringLiteral("ALTER TABLE tasks ADD COLUMN cost INTEGER")},
        // 9: every reading of a key's balance (see CreditHistoryStore); a key's readings go
        // with the key, however its row is deleted.
        {QStringLiteral("CREATE TABLE credit_readings ("
                        "key_id TEXT NOT NULL,"
                        "read_at INTEGER NOT NULL,"
                        "balance INTEGER NOT NULL)"),
         QStringLiteral("CREATE INDEX credit_readings_key ON credit_readings(key_id, read_at)"),
         QStringLiteral("CREATE TRIGGER keys_forget_readings AFTER DELETE ON keys BEGIN "
                        "DELETE FROM credit_readings WHERE key_id = OLD.key_id; END")},
    };
    return list;
}

} // namespace veo
