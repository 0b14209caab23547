# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import split_every

from .okr_selections import PERIOD_STATE_SELECTION, PERIOD_TYPE_SELECTION


class OkrPeriod(models.Model):
    _name = "okr.period"
    _description = "OKR Period"
    _inherit = ["okr.company.source.mixin"]
    _order = "date_start desc, period_type desc, id desc"
    _parent_name = "parent_id"
    _parent_store = True
    _check_company_auto = True

    name = fields.Char(required=True, translate=False)
    date_start = fields.Date(string="Start Date", required=True)
    date_end = fields.Date(string="End Date", required=True)
    period_type = fields.Selection(
        PERIOD_TYPE_SELECTION,
        string="Type",
        required=True,
        default="quarter",
    )
    parent_id = fields.Many2one(
        "okr.period",
        string="Parent Period",
        index=True,
        ondelete="restrict",
        check_company=True,
        help="The longer period this one belongs to, e.g. the year of a quarter.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("okr.period", "parent_id", string="Sub-periods")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    state = fields.Selection(
        PERIOD_STATE_SELECTION,
        required=True,
        default="draft",
        copy=False,
    )
    objective_ids = fields.One2many("okr.objective", "period_id", string="Objectives")
    objective_count = fields.Integer(compute="_compute_objective_count")
    active = fields.Boolean(default=True)
    retrospective_ids = fields.One2many(
        "okr.retrospective", "period_id", string="Retrospectives"
    )

    _date_order = models.Constraint(
        "CHECK (date_end >= date_start)",
        "A period cannot end before it starts.",
    )

    @api.constrains("date_start", "date_end", "period_type", "company_id", "active")
    def _check_overlap(self):
        periods = self.filtered(lambda p: p.active and p.date_start and p.date_end)
        if not periods:
            return
        # One search for the whole batch, pairs matched in Python; sudo: a
        # period the user cannot see still overlaps.
        candidates = self.sudo().search(
            [
                ("company_id", "in", periods.company_id.ids),
                ("period_type", "in", list(set(periods.mapped("period_type")))),
                ("date_start", "<=", max(periods.mapped("date_end"))),
                ("date_end", ">=", min(periods.mapped("date_start"))),
            ]
        )
        for period in periods:
            for other in candidates:
                if (
                    other.id != period.id
                    and other.company_id.id == period.company_id.id
                    and other.period_type == period.period_type
                    and other.date_start <= period.date_end
                    and other.date_end >= period.date_start
                ):
                    raise ValidationError(
                        self.env._(
                            "The period %(period)s overlaps %(other)s: two periods "
                            "of the same type and company cannot overlap.",
                            period=period.name,
                            other=other.name,
                        )
                    )

    @api.constrains("parent_id")
    def _check_parent(self):
        for period in self.filtered("parent_id"):
            parent = period.parent_id
            if (
                period.date_start < parent.date_start
                or period.date_end > parent.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "The period %(period)s must lie within its parent %(parent)s.",
                        period=period.name,
                        parent=parent.name,
                    )
                )

    def _check_parent_cycle(self, parent):
        # Checked before the write: the parent store would refuse the cycle
        # with a bare "Recursion Detected."
        chain = {int(pid) for pid in (parent.parent_path or "").split("/") if pid}
        if (chain | {parent.id}) & set(self.ids):
            raise ValidationError(self.env._("A period cannot contain itself."))

    def write(self, vals):
        if vals.get("parent_id"):
            self._check_parent_cycle(self.browse(vals["parent_id"]))
        return super().write(vals)

    def _compute_objective_count(self):
        counts = dict(
            self.env["okr.objective"]._read_group(
                [("period_id", "in", self.ids)], ["period_id"], ["__count"]
            )
        )
        for period in self:
            period.objective_count = counts.get(period, 0)

    def action_open(self):
        self.write({"state": "open"})
        return True

    def action_close(self):
        """Close the periods and their objectives, which freezes their scores,
        then open the quarterly retrospective of the period.

        The scores are frozen first, so the retrospective walks through final
        numbers; closing from code (context ``okr_no_retrospective``) only
        closes.
        """
        self.objective_ids.filtered(
            lambda o: o.state in ("draft", "active")
        ).action_close()
        self.write({"state": "closed"})
        if self.env.context.get("okr_no_retrospective"):
            return True
        retrospectives = self._prepare_retrospectives()
        if len(retrospectives) == 1:
            return retrospectives._action_open_wizard()
        return True

    def action_reset_draft(self):
        self.write({"state": "draft"})
        return True

    def action_open_retrospective(self):
        self.ensure_one()
        retrospective = self._prepare_retrospectives()
        return {
            "type": "ir.actions.act_window",
            "res_model": "okr.retrospective",
            "res_id": retrospective.id,
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _get_current(self, company=None, date=None, period_type="quarter"):
        """The period of ``period_type`` running at ``date`` (today) for ``company``."""
        company = company or self.env.company
        date = date or fields.Date.context_today(self)
        return self.search(
            [
                ("company_id", "=", company.id),
                ("period_type", "=", period_type),
                ("date_start", "<=", date),
                ("date_end", ">=", date),
            ],
            limit=1,
        )

    def _get_next(self):
        """The next period of the same type and company, by date."""
        self.ensure_one()
        return self.search(
            Domain("company_id", "=", self.company_id.id)
            & Domain("period_type", "=", self.period_type)
            & Domain("date_start", ">", self.date_end),
            order="date_start",
            limit=1,
        )

    def _prepare_retrospectives(self):
        """The retrospective of each period, created or completed with lines for
        the objectives closed since."""
        retrospectives = self.env["okr.retrospective"]
        existing = {
            retro.period_id: retro
            for retro in retrospectives.search(Domain("period_id", "in", self.ids))
        }
        for period in self:
            retro = existing.get(period) or retrospectives.create(
                {"period_id": period.id}
            )
            retro._sync_lines()
            retrospectives |= retro
        return retrospectives

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------
    @api.model
    def _cron_recompute_health(self, batch_size=500):
        """Move pace and health of open periods' objectives and key results.

        Both are stored (users filter and group by health) but follow the
        calendar, so the daily run recomputes them in batches and commits each
        batch: a long run resumes where it stopped.
        """
        open_domain = Domain("period_id.state", "=", "open") & Domain(
            "state", "in", ["draft", "active"]
        )
        objectives = self.env["okr.objective"].search(open_domain)
        key_results = self.env["okr.key.result"].search(
            Domain("objective_id", "in", objectives.ids)
        )
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=len(objectives) + len(key_results))
        for records in (key_results, objectives):
            for ids in split_every(batch_size, records.ids):
                batch = records.browse(ids)
                batch._recompute_pace()
                if not cron._commit_progress(len(ids)):
                    return
