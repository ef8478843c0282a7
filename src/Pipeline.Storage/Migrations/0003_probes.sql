-- Trained linear probes stored by name, so that a job can refer to one as it refers to a label set or a policy.
-- A probe's labels are written to the labels table under a label_sets row of the same name.

CREATE TABLE probes (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    definition jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
