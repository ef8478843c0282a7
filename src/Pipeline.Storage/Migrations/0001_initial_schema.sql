-- Results of the pipeline: models, images, embeddings, labels, moderation scores, jobs and their errors.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE models (
    id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text        NOT NULL,
    version       text        NOT NULL,
    -- pgvector's HNSW index accepts at most 2000 dimensions.
    embedding_dim integer     NOT NULL CHECK (embedding_dim BETWEEN 1 AND 2000),
    file_hash     text        NOT NULL,
    is_active     boolean     NOT NULL DEFAULT false,
    registered_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, version)
);

-- At most one model answers queries by default.
CREATE UNIQUE INDEX models_single_active ON models ((true)) WHERE is_active;

CREATE TABLE images (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_uri     text        NOT NULL UNIQUE,
    content_sha256 bytea       NOT NULL CHECK (octet_length(content_sha256) = 32),
    byte_size      bigint      NOT NULL CHECK (byte_size >= 0),
    width          integer     CHECK (width > 0),
    height         integer     CHECK (height > 0),
    first_seen     timestamptz NOT NULL DEFAULT now(),
    last_seen      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX images_content_sha256 ON images (content_sha256);

-- The vector column has no fixed size so that models of any size share the table; each model gets a partial
-- HNSW index over the column cast to its size when it is registered.
CREATE TABLE embeddings (
    image_id   bigint      NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    model_id   integer     NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    embedding  vector      NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (image_id, model_id)
);

CREATE INDEX embeddings_model_id ON embeddings (model_id);

CREATE TABLE label_sets (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    definition jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE policies (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    definition jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE labels (
    image_id     bigint   NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    model_id     integer  NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    label_set_id integer  NOT NULL REFERENCES label_sets (id) ON DELETE CASCADE,
    label        text     NOT NULL,
    score        real     NOT NULL,
    rank         smallint NOT NULL CHECK (rank >= 1),
    PRIMARY KEY (image_id, model_id, label_set_id, label)
);

CREATE INDEX labels_by_label ON labels (label_set_id, label, model_id, score DESC);

CREATE TABLE moderation_scores (
    image_id  bigint      NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    model_id  integer     NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    policy_id integer     NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
    score     real        NOT NULL,
    decision  text        NOT NULL CHECK (decision IN ('pass', 'review', 'flag')),
    scored_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (image_id, model_id, policy_id)
);

CREATE INDEX moderation_scores_to_review ON moderation_scores (policy_id, decision, score DESC);

CREATE TABLE jobs (
    id               uuid PRIMARY KEY,
    source           text        NOT NULL,
    model_id         integer     NOT NULL REFERENCES models (id),
    tasks            jsonb       NOT NULL,
    state            text        NOT NULL DEFAULT 'created'
                     CHECK (state IN ('created', 'running', 'completed', 'failed', 'cancelled')),
    -- The source is listed page by page, so the totals grow until the listing is complete.
    listing_complete boolean     NOT NULL DEFAULT false,
    batch_count      integer     NOT NULL DEFAULT 0,
    batches_done     integer     NOT NULL DEFAULT 0,
    batches_failed   integer     NOT NULL DEFAULT 0,
    images_total     bigint      NOT NULL DEFAULT 0,
    images_done      bigint      NOT NULL DEFAULT 0,
    images_failed    bigint      NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX jobs_unfinished ON jobs (created_at) WHERE state IN ('created', 'running');

CREATE TABLE batches (
    job_id       uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    batch_index  integer     NOT NULL CHECK (batch_index >= 0),
    state        text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    image_count  integer     NOT NULL CHECK (image_count >= 0),
    done_count   integer     NOT NULL DEFAULT 0,
    failed_count integer     NOT NULL DEFAULT 0,
    reason       text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz,
    PRIMARY KEY (job_id, batch_index)
);

-- One record per image and job: a redelivered batch replaces its errors instead of adding to them.
CREATE TABLE image_errors (
    job_id      uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    source_uri  text        NOT NULL,
    error_kind  text        NOT NULL,
    reason      text        NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, source_uri)
);
