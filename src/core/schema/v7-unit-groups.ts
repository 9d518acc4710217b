/**
 * Schema version 7: unit groups — a named set of units (各盟市人民政府（行政公署）, 州直部门), either every
 * unit of a kind or the units listed. A task given to a group keeps the group (task_unit_groups) and
 * a row in task_units for each member, marked with the group, so that everything reading a task's
 * units (dispatch, 未报送, letters, statistics) sees the members as it sees any unit.
 */
export const V7_UNIT_GROUPS = [
  `CREATE TABLE unit_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    member_kind TEXT CHECK (member_kind IS NULL OR member_kind IN ('resident', 'supervised', 'city')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE unit_group_members (
    group_id INTEGER NOT NULL REFERENCES unit_groups (id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    sort_order INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, unit_id)
  )`,
  `CREATE TABLE task_unit_groups (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES unit_groups (id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'cooperating')),
    PRIMARY KEY (task_id, group_id)
  )`,
  `CREATE INDEX task_unit_groups_group ON task_unit_groups (group_id)`,
  `ALTER TABLE task_units ADD COLUMN group_id INTEGER REFERENCES unit_groups (id)`,
] as const;
