# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models

PROJECT_USER_GROUP = "project.group_project_user"


class OkrObjective(models.Model):
    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    task_count = fields.Integer(
        string="Tasks",
        compute="_compute_task_project_counts",
        groups=PROJECT_USER_GROUP,
    )
    project_count = fields.Integer(
        string="Projects",
        compute="_compute_task_project_counts",
        groups=PROJECT_USER_GROUP,
    )

    def _compute_task_project_counts(self):
        counts = self._okr_task_project_counts(self, "okr_objective_id", "objective_id")
        for objective in self:
            objective.task_count, objective.project_count = counts[objective._origin.id]

    @api.model
    def _okr_task_project_counts(self, records, task_field, initiative_field):
        """(tasks, projects) per key result or objective, in two grouped queries.

        Counted with the user's rights: the buttons open lists of the same
        records.
        """
        ids = [rid for rid in records._origin.ids if rid]
        tasks = defaultdict(int)
        projects = defaultdict(set)
        if ids:
            for record, project, count in self.env["project.task"]._read_group(
                [(task_field, "in", ids)], [task_field, "project_id"], ["__count"]
            ):
                tasks[record.id] += count
                if project:
                    projects[record.id].add(project.id)
            for record, project_ids in self.env["okr.initiative"]._read_group(
                [(initiative_field, "in", ids), ("project_id", "!=", False)],
                [initiative_field],
                ["project_id:array_agg"],
            ):
                projects[record.id].update(project_ids)
        return defaultdict(
            lambda: (0, 0),
            {rid: (tasks[rid], len(projects[rid])) for rid in ids},
        )

    @api.model
    def _okr_tasks_action(self, domain, name):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "project.action_view_all_task"
        )
        action.update(
            {
                "name": self.env._("Tasks of %(okr)s", okr=name),
                "domain": domain,
                "context": {"create": False},
            }
        )
        return action

    @api.model
    def _okr_projects_action(self, task_domain, initiative_domain, name):
        project_ids = set(
            self.env["project.task"].search(task_domain).project_id.ids
        ) | set(self.env["okr.initiative"].search(initiative_domain).project_id.ids)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "project.open_view_project_all"
        )
        action.update(
            {
                "name": self.env._("Projects of %(okr)s", okr=name),
                "domain": [("id", "in", sorted(project_ids))],
                "context": {"create": False},
            }
        )
        return action

    def action_view_tasks(self):
        self.ensure_one()
        return self._okr_tasks_action(
            [("okr_objective_id", "=", self.id)], self.display_name
        )

    def action_view_projects(self):
        self.ensure_one()
        return self._okr_projects_action(
            [("okr_objective_id", "=", self.id)],
            [("objective_id", "=", self.id)],
            self.display_name,
        )
