namespace Sample.Migrations;

/// <summary>The schema as numbered steps; a step, once released, never changes: add a new one instead.</summary>
internal static class Schema
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Steps =
    [
        (1, "jobs table", """
            CREATE TABLE jobs (
                id             uuid PRIMARY KEY,
                status         text NOT NULL,
                run_mode       text NOT NULL,
                source         text NOT NULL,
                prompt         text NOT NULL,
                width          integer NOT NULL,
                height         integer NOT NULL,
                steps          integer NOT NULL,
                stages         text[] NOT NULL,
                prompt_source  text NOT NULL,
                prompt_pack_id text,
                stage_count    integer NOT NULL,
                has_upscale    boolean NOT NULL,
                outputs        text[] NOT NULL DEFAULT '{}',
                attempts       integer NOT NULL DEFAULT 0,
                error          text,
                created_at     timestamptz NOT NULL DEFAULT now(),
                completed_at   timestamptz
            );
            CREATE INDEX jobs_newest_first ON jobs (created_at DESC, id);
            """),
    ];
}
