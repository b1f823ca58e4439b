-- H2 flavour of postgresql/V1__shots.sql (large objects for the report and thumbnail).
-- One row per submitted shot: its identity, where it is in its life, and its result once done.
CREATE TABLE shots (
    id               uuid                     PRIMARY KEY,
    shot_code        varchar                  NOT NULL,
    input            varchar                  NOT NULL,
    source           varchar(32)              NOT NULL,
    content_hash     varchar(128)             NOT NULL,
    status           varchar(16)              NOT NULL,
    difficulty       varchar(32),
    confidence       double precision,
    report           character large object,
    thumbnail        binary large object,
    error            varchar,
    analyzer_version varchar(255)             NOT NULL,
    model_version    varchar(255)             NOT NULL,
    attempts         integer                  NOT NULL DEFAULT 0,
    created_at       timestamp with time zone NOT NULL,
    updated_at       timestamp with time zone NOT NULL,
    finished_at      timestamp with time zone,
    CONSTRAINT shots_status_known CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);

CREATE INDEX shots_status_idx ON shots (status);
CREATE INDEX shots_difficulty_idx ON shots (difficulty);
CREATE INDEX shots_created_at_idx ON shots (created_at);
CREATE INDEX shots_content_idx ON shots (content_hash, analyzer_version, model_version);
CREATE INDEX shots_shot_code_idx ON shots (shot_code);
