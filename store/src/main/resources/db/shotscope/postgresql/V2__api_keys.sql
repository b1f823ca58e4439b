-- API keys for machines: only the SHA-256 of the secret is kept; the secret is shown once, when created.
CREATE TABLE api_keys (
    id          uuid                     PRIMARY KEY,
    name        varchar(200)             NOT NULL,
    role        varchar(32)              NOT NULL,
    secret_hash varchar(64)              NOT NULL UNIQUE,
    created_at  timestamp with time zone NOT NULL
);
