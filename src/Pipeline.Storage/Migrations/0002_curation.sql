-- Curation: near-duplicate groups, label corrections, the history of the active model, re-embedding runs.

-- The groups that the last `clip duplicates` run found for a model; each run replaces the model's rows.
CREATE TABLE duplicate_groups (
    model_id     integer     NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    group_id     integer     NOT NULL CHECK (group_id >= 1),
    image_id     bigint      NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    -- Highest cosine similarity of the image to another member of its group.
    similarity   real        NOT NULL,
    threshold    real        NOT NULL,
    refreshed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, image_id)
);

CREATE INDEX duplicate_groups_by_group ON duplicate_groups (model_id, group_id);

-- A person's verdict on a label: old = new accepts it, old <> new corrects it. Training data for a linear probe.
CREATE TABLE label_corrections (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    image_id     bigint      NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    label_set_id integer     NOT NULL REFERENCES label_sets (id) ON DELETE CASCADE,
    old_label    text,
    new_label    text        NOT NULL CHECK (new_label <> ''),
    corrected_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX label_corrections_by_set ON label_corrections (label_set_id, image_id, corrected_at DESC);

-- Every change of the active model; a rollback undoes the latest activation that is not undone yet.
CREATE TABLE models_history (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id          integer     REFERENCES models (id) ON DELETE CASCADE,
    previous_model_id integer     REFERENCES models (id) ON DELETE SET NULL,
    action            text        NOT NULL CHECK (action IN ('activate', 'rollback')),
    undone            boolean     NOT NULL DEFAULT false,
    changed_at        timestamptz NOT NULL DEFAULT now()
);

-- A re-embedding job and the images it was started for: the listing is a snapshot, so a resumed job lists the
-- same images in the same order even though the images done meanwhile no longer lack an embedding.
CREATE TABLE reembed_runs (
    job_id      uuid PRIMARY KEY,
    model_id    integer     NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    image_count integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX reembed_runs_by_model ON reembed_runs (model_id, created_at);

CREATE TABLE reembed_images (
    job_id     uuid   NOT NULL REFERENCES reembed_runs (job_id) ON DELETE CASCADE,
    image_id   bigint NOT NULL,
    source_uri text   NOT NULL,
    PRIMARY KEY (job_id, image_id)
);
