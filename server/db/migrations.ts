/**
 * Versioned schema migrations, applied in order; PRAGMA user_version records the last
 * one applied. Never edit a migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial schema: units, crosswalk, sources, NTM, OCOP, zones, targets',
    sql: `
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        ref TEXT NOT NULL,
        date_text TEXT NOT NULL,
        date_start TEXT,
        UNIQUE (title, ref, date_text)
      );

      -- Administrative units of one unit set. District codes have 3 digits and commune
      -- codes 5, so (unit_set, code) is unique; the 2025 set reuses old codes for other places.
      CREATE TABLE units (
        unit_set TEXT NOT NULL CHECK (unit_set IN ('2019', '2020', '2025')),
        code TEXT NOT NULL CHECK (code GLOB '[0-9][0-9][0-9]' OR code GLOB '[0-9][0-9][0-9][0-9][0-9]'),
        level TEXT NOT NULL CHECK (level IN ('district', 'commune')),
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        full_name TEXT NOT NULL,
        district_code TEXT,
        valid_from TEXT,
        valid_to TEXT,
        area_km2 REAL NOT NULL,
        label_lon REAL NOT NULL,
        label_lat REAL NOT NULL,
        geometry TEXT NOT NULL,
        PRIMARY KEY (unit_set, code)
      );
      CREATE INDEX units_by_district ON units (unit_set, district_code);

      CREATE TABLE unit_sources (
        unit_set TEXT NOT NULL,
        code TEXT NOT NULL,
        source_id INTEGER NOT NULL REFERENCES sources (id),
        confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
        PRIMARY KEY (unit_set, code, source_id),
        FOREIGN KEY (unit_set, code) REFERENCES units (unit_set, code)
      );

      CREATE TABLE crosswalk (
        from_set TEXT NOT NULL,
        from_code TEXT NOT NULL,
        to_set TEXT NOT NULL,
        to_code TEXT NOT NULL,
        PRIMARY KEY (from_set, from_code, to_set),
        FOREIGN KEY (from_set, from_code) REFERENCES units (unit_set, code),
        FOREIGN KEY (to_set, to_code) REFERENCES units (unit_set, code)
      );
      CREATE INDEX crosswalk_by_target ON crosswalk (to_set, to_code);

      CREATE TABLE ntm_recognitions (
        id TEXT PRIMARY KEY,
        unit_set TEXT NOT NULL,
        commune_code TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('basic', 'standard', 'advanced', 'model')),
        year_for INTEGER,
        counts_from TEXT,
        decision_ref TEXT,
        decision_date TEXT,
        criteria_met INTEGER CHECK (criteria_met BETWEEN 0 AND 19),
        criteria_text TEXT,
        disputed INTEGER NOT NULL CHECK (disputed IN (0, 1)),
        dispute_note TEXT,
        recorded_as_code TEXT,
        recorded_as TEXT,
        FOREIGN KEY (unit_set, commune_code) REFERENCES units (unit_set, code)
      );
      CREATE INDEX ntm_recognitions_by_commune ON ntm_recognitions (unit_set, commune_code);

      CREATE TABLE ntm_recognition_sources (
        recognition_id TEXT NOT NULL REFERENCES ntm_recognitions (id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES sources (id),
        confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
        note TEXT NOT NULL,
        origin TEXT NOT NULL,
        PRIMARY KEY (recognition_id, source_id)
      );

      -- Sourced NTM facts that are not recognitions: criteria progress, district-level
      -- flags, recognised villages, progress of the 2025 units.
      CREATE TABLE ntm_facts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('criteria-progress', 'advanced-progress', 'district-without-ntm', 'district-progress', 'village-recognised')),
        unit_set TEXT NOT NULL,
        code TEXT NOT NULL,
        village TEXT,
        year INTEGER,
        criteria_text TEXT,
        FOREIGN KEY (unit_set, code) REFERENCES units (unit_set, code)
      );
      CREATE INDEX ntm_facts_by_unit ON ntm_facts (unit_set, code);

      CREATE TABLE ntm_fact_sources (
        fact_id TEXT NOT NULL REFERENCES ntm_facts (id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES sources (id),
        confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
        note TEXT NOT NULL,
        origin TEXT NOT NULL,
        PRIMARY KEY (fact_id, source_id)
      );

      CREATE TABLE producers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT CHECK (type IN ('cooperative', 'company', 'household'))
      );

      CREATE TABLE ocop_products (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_folded TEXT NOT NULL,
        producer_id TEXT REFERENCES producers (id),
        stars INTEGER CHECK (stars IN (3, 4, 5)),
        year INTEGER,
        certified_by INTEGER,
        counts_from TEXT,
        year_text TEXT,
        group_code TEXT CHECK (group_code IN ('I', 'II', 'III', 'IV', 'V', 'VI')),
        unit_set TEXT NOT NULL DEFAULT '2020',
        commune_code TEXT,
        district_code TEXT,
        location TEXT CHECK (location IN ('commune', 'district')),
        lon REAL,
        lat REAL,
        expiry_year INTEGER,
        disputed INTEGER NOT NULL CHECK (disputed IN (0, 1)),
        inferred TEXT NOT NULL DEFAULT '[]',
        caveats TEXT NOT NULL DEFAULT '[]',
        FOREIGN KEY (unit_set, commune_code) REFERENCES units (unit_set, code),
        FOREIGN KEY (unit_set, district_code) REFERENCES units (unit_set, code),
        CHECK ((location IS NULL) = (lon IS NULL))
      );
      CREATE INDEX ocop_products_by_district ON ocop_products (district_code);
      CREATE INDEX ocop_products_by_commune ON ocop_products (commune_code);

      CREATE TABLE ocop_ratings (
        product_id TEXT NOT NULL REFERENCES ocop_products (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        stars INTEGER NOT NULL CHECK (stars IN (3, 4, 5)),
        year INTEGER,
        year_text TEXT,
        inferred INTEGER NOT NULL CHECK (inferred IN (0, 1)),
        source_ids TEXT NOT NULL,
        PRIMARY KEY (product_id, seq)
      );

      CREATE TABLE ocop_product_sources (
        product_id TEXT NOT NULL REFERENCES ocop_products (id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES sources (id),
        confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
        note TEXT NOT NULL,
        origin TEXT NOT NULL,
        PRIMARY KEY (product_id, source_id)
      );

      CREATE TABLE zones (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        crop TEXT NOT NULL,
        area_ha REAL,
        area_approx INTEGER NOT NULL CHECK (area_approx IN (0, 1)),
        area_text TEXT,
        year TEXT,
        extent TEXT NOT NULL CHECK (extent IN ('communes', 'district', 'surveyed')),
        geometry TEXT NOT NULL
      );
      CREATE INDEX zones_by_crop ON zones (crop);

      CREATE TABLE zone_communes (
        zone_id TEXT NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
        unit_set TEXT NOT NULL,
        commune_code TEXT NOT NULL,
        PRIMARY KEY (zone_id, unit_set, commune_code),
        FOREIGN KEY (unit_set, commune_code) REFERENCES units (unit_set, code)
      );
      CREATE INDEX zone_communes_by_commune ON zone_communes (unit_set, commune_code);

      CREATE TABLE zone_products (
        zone_id TEXT NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
        product_id TEXT NOT NULL REFERENCES ocop_products (id),
        confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
        PRIMARY KEY (zone_id, product_id)
      );
      CREATE INDEX zone_products_by_product ON zone_products (product_id);

      CREATE TABLE zone_facts (
        zone_id TEXT NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        area_ha REAL,
        area_text TEXT,
        year TEXT,
        place_text TEXT NOT NULL,
        source_id INTEGER NOT NULL REFERENCES sources (id),
        confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
        note TEXT NOT NULL,
        origin TEXT NOT NULL,
        PRIMARY KEY (zone_id, seq)
      );

      CREATE TABLE targets (
        id TEXT PRIMARY KEY,
        indicator TEXT NOT NULL,
        indicator_key TEXT NOT NULL,
        scope TEXT NOT NULL,
        target_text TEXT,
        target_value REAL,
        target_year INTEGER,
        actual_text TEXT,
        actual_value REAL,
        actual_date TEXT,
        source_id INTEGER NOT NULL REFERENCES sources (id),
        confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
        note TEXT NOT NULL,
        origin TEXT NOT NULL
      );
      CREATE INDEX targets_by_indicator ON targets (indicator_key);

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'accounts: users with roles and scopes, sessions, API tokens, login failures',
    sql: `
      -- Times are milliseconds since the epoch (UTC). Users are disabled, never deleted:
      -- the audit log will name them.
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        password_changed_at INTEGER NOT NULL,
        last_login_at INTEGER
      );

      -- An editor's programmes; an editor with none can edit nothing.
      CREATE TABLE user_programmes (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        programme TEXT NOT NULL CHECK (programme IN ('ntm', 'ocop', 'zones', 'boundaries', 'targets')),
        PRIMARY KEY (user_id, programme)
      );

      -- Optional unit scope of an editor, keyed on (unit set, code); none means every unit.
      CREATE TABLE user_units (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        unit_set TEXT NOT NULL,
        code TEXT NOT NULL,
        PRIMARY KEY (user_id, unit_set, code),
        FOREIGN KEY (unit_set, code) REFERENCES units (unit_set, code)
      );

      -- Only the SHA-256 of a session id is stored: a copy of the database opens no session.
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        address TEXT NOT NULL,
        user_agent TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);

      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        prefix TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      );
      CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

      -- Failed logins per key ('login:<name>' or 'address:<ip>'), for throttling.
      CREATE TABLE login_failures (
        key TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX login_failures_by_key ON login_failures (key, at);
    `,
  },
  {
    version: 3,
    name: 'stewardship: a data revision, sources with links and files, retractions, OCOP certificates, import batches, the audit log',
    sql: `
      -- Bumped inside every write transaction; built responses key on it (PRAGMA data_version
      -- does not change for writes made by the server's own connection).
      CREATE TABLE data_revision (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        revision INTEGER NOT NULL
      );
      INSERT INTO data_revision (id, revision) VALUES (1, 0);

      -- Documents uploaded as sources (PDF only), kept in the database so a backup holds them.
      CREATE TABLE source_files (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type = 'application/pdf'),
        size INTEGER NOT NULL,
        content BLOB NOT NULL,
        uploaded_at TEXT NOT NULL,
        uploaded_by TEXT NOT NULL
      );
      ALTER TABLE sources ADD COLUMN url TEXT;
      ALTER TABLE sources ADD COLUMN file_id INTEGER REFERENCES source_files (id);

      -- A retracted recognition is kept (history is never deleted) but never counts.
      ALTER TABLE ntm_recognitions ADD COLUMN retracted_at TEXT;
      ALTER TABLE ntm_recognitions ADD COLUMN retraction_reason TEXT;

      -- An OCOP certificate's decision and expiry; a renewal is a further rating.
      ALTER TABLE ocop_ratings ADD COLUMN decision_ref TEXT;
      ALTER TABLE ocop_ratings ADD COLUMN decision_date TEXT;
      ALTER TABLE ocop_ratings ADD COLUMN expires_on TEXT;

      CREATE TABLE import_batches (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        user_login TEXT NOT NULL,
        kind TEXT NOT NULL,
        file_name TEXT,
        summary TEXT NOT NULL
      );

      -- Every change: who, when, what (entity and id), before and after (whole records as JSON),
      -- why, on which source, in which import batch, and which change a revert undoes.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        user_login TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'retract', 'delete', 'revert')),
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        unit_set TEXT,
        unit_code TEXT,
        before TEXT,
        after TEXT,
        reason TEXT,
        source_id INTEGER REFERENCES sources (id),
        batch_id TEXT REFERENCES import_batches (id),
        reverts INTEGER REFERENCES audit_log (id)
      );
      CREATE INDEX audit_by_entity ON audit_log (entity, entity_id, id);
      CREATE INDEX audit_by_unit ON audit_log (unit_set, unit_code, id);
      CREATE INDEX audit_by_batch ON audit_log (batch_id);
      CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 4,
    name: "imports: the licence of each unit set's boundaries, replaced by an import of official boundaries",
    sql: `
      -- The boundaries of a unit set are GADM 4.1's (server/catalog/licences.ts) until the province
      -- imports its official ones: then this row names their source and licence, which replace
      -- GADM's in attributions, the OGC API and downloads. No row: GADM.
      CREATE TABLE boundary_licences (
        unit_set TEXT PRIMARY KEY CHECK (unit_set IN ('2019', '2020', '2025')),
        title TEXT NOT NULL,
        url TEXT NOT NULL,
        attribution TEXT NOT NULL,
        terms_vi TEXT NOT NULL,
        terms_en TEXT NOT NULL,
        redistributable INTEGER NOT NULL CHECK (redistributable IN (0, 1)),
        source_id INTEGER REFERENCES sources (id)
      );
    `,
  },
  {
    version: 5,
    name: 'audit: every unit a change touched, so each unit’s history lists it; edits’ provenance without the editor’s login',
    sql: `
      -- A zone spans several communes and a product can move from one commune to another: the
      -- audit log's unit_set/unit_code hold only the first unit, so the history of the others
      -- found nothing. One row per unit the change touched, before or after; append-only like the log.
      CREATE TABLE audit_units (
        audit_id INTEGER NOT NULL REFERENCES audit_log (id),
        unit_set TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        PRIMARY KEY (unit_set, unit_code, audit_id)
      ) WITHOUT ROWID;
      CREATE INDEX audit_units_by_code ON audit_units (unit_code, audit_id);
      CREATE TRIGGER audit_units_append_only_update BEFORE UPDATE ON audit_units
        BEGIN SELECT RAISE(ABORT, 'audit_units is append-only'); END;
      CREATE TRIGGER audit_units_append_only_delete BEFORE DELETE ON audit_units
        BEGIN SELECT RAISE(ABORT, 'audit_units is append-only'); END;

      -- The changes logged before: their first unit, and the units their records name
      -- (a zone's communes in the 2020 set, a product's commune or else district, a recognition's
      -- or a boundary's own unit), before and after the change.
      INSERT OR IGNORE INTO audit_units (audit_id, unit_set, unit_code)
        SELECT id, unit_set, unit_code FROM audit_log WHERE unit_set IS NOT NULL AND unit_code IS NOT NULL;
      INSERT OR IGNORE INTO audit_units (audit_id, unit_set, unit_code)
        SELECT a.id, '2020', c.value FROM audit_log a, json_each(a.before, '$.communeCodes') c
        WHERE a.entity = 'zone' AND json_valid(a.before)
        UNION
        SELECT a.id, '2020', c.value FROM audit_log a, json_each(a.after, '$.communeCodes') c
        WHERE a.entity = 'zone' AND json_valid(a.after);
      INSERT OR IGNORE INTO audit_units (audit_id, unit_set, unit_code)
        SELECT id, '2020', code FROM (
          SELECT id, coalesce(json_extract(before, '$.communeCode'), json_extract(before, '$.districtCode')) AS code
            FROM audit_log WHERE entity = 'product' AND json_valid(before)
          UNION
          SELECT id, coalesce(json_extract(after, '$.communeCode'), json_extract(after, '$.districtCode'))
            FROM audit_log WHERE entity = 'product' AND json_valid(after)
        ) WHERE code IS NOT NULL;
      INSERT OR IGNORE INTO audit_units (audit_id, unit_set, unit_code)
        SELECT id, json_extract(record, '$.unitSet'), json_extract(record, '$.' || field) FROM (
          SELECT id, before AS record, CASE entity WHEN 'recognition' THEN 'communeCode' ELSE 'code' END AS field
            FROM audit_log WHERE entity IN ('recognition', 'unit') AND json_valid(before)
          UNION
          SELECT id, after, CASE entity WHEN 'recognition' THEN 'communeCode' ELSE 'code' END
            FROM audit_log WHERE entity IN ('recognition', 'unit') AND json_valid(after)
        ) WHERE json_extract(record, '$.unitSet') IS NOT NULL AND json_extract(record, '$.' || field) IS NOT NULL;

      -- Records edited in the app said 'edit by <login>' as their origin, and records are public:
      -- who made a change stays in the audit log, which only admins read with logins.
      UPDATE ntm_recognition_sources SET origin = 'edit' WHERE origin LIKE 'edit by %';
      UPDATE ntm_fact_sources SET origin = 'edit' WHERE origin LIKE 'edit by %';
      UPDATE ocop_product_sources SET origin = 'edit' WHERE origin LIKE 'edit by %';
      UPDATE zone_facts SET origin = 'edit' WHERE origin LIKE 'edit by %';
      UPDATE targets SET origin = 'edit' WHERE origin LIKE 'edit by %';
    `,
  },
];
