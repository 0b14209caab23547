# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import progress as okr_math

KEY_RESULTS_SOURCE = "key_results"


class OkrKeyResult(models.Model):
    """Key results shared across teams (seeds 000, 001) and the leading /
    lagging pair (seed 003).

    A key result contributes to another team's key result; one whose source is
    its contributing key results takes their weighted mean progress. A leading
    key result names the lagging one it predicts.
    """

    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    source = fields.Selection(
        selection_add=[(KEY_RESULTS_SOURCE, "Contributing Key Results")],
        ondelete={KEY_RESULTS_SOURCE: "set default"},
    )
    parent_key_result_id = fields.Many2one(
        "okr.key.result",
        string="Contributes To",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        check_company=True,
        help="The key result, often another team's, this one contributes to: "
        "measured by its contributing key results, it moves with this one.",
    )
    contributor_ids = fields.One2many(
        "okr.key.result", "parent_key_result_id", string="Contributing Key Results"
    )
    # a shared key result's progress follows its contributors' progress
    progress = fields.Float(recursive=True)
    lagging_key_result_id = fields.Many2one(
        "okr.key.result",
        string="Predicts",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        domain="[('id', '!=', id), ('indicator', '=', 'lagging')]",
        help="The lagging key result this leading one predicts: move this one "
        "this week, see that one move later.",
    )
    leading_key_result_ids = fields.One2many(
        "okr.key.result",
        "lagging_key_result_id",
        string="Predicted By",
        help="The leading key results that predict this one.",
    )

    @api.constrains("parent_key_result_id")
    def _check_parent_key_result(self):
        if self._has_cycle("parent_key_result_id"):
            raise ValidationError(
                self.env._(
                    "A key result cannot contribute to itself, directly or "
                    "through the key results it contributes to."
                )
            )

    @api.constrains("lagging_key_result_id", "indicator")
    def _check_lagging_key_result(self):
        for key_result in self.filtered("lagging_key_result_id"):
            if (
                key_result.lagging_key_result_id == key_result
                or key_result.indicator != "leading"
            ):
                raise ValidationError(
                    self.env._(
                        "Only a leading key result predicts another one: %(name)s "
                        "is lagging, or predicts itself.",
                        name=key_result.name,
                    )
                )

    @api.constrains("result_type", "start_value", "target_value", "source")
    def _check_start_target(self):
        # measured by its contributors, a key result needs no span of its own
        return super(
            OkrKeyResult, self.filtered(lambda kr: kr.source != KEY_RESULTS_SOURCE)
        )._check_start_target()

    @api.depends("contributor_ids.progress", "contributor_ids.weight")
    def _compute_progress(self):
        return super()._compute_progress()

    def _compute_pending_progress(self):
        """Compute now, in one call, the pending progress of those of ``self``
        that follow no contributors.

        ``progress`` is recursive for shared key results, and Odoo computes a
        recursive field one record at a time, each with its tracking
        preparation and constraint checks: 0.7 s for 1,000 moved values. These
        depend on no other key result's progress, so one batch is what Odoo
        would do for a plain field. The shared ones stay Odoo's, computed
        after their contributors.
        """
        field = self._fields["progress"]
        plain = self.filtered(
            lambda kr: kr.source != KEY_RESULTS_SOURCE
            and self.env.is_to_compute(field, kr)
        )
        if plain:
            field.compute_value(plain.with_context(mail_notrack=True))

    def _progress_for_value(self, value):
        self.ensure_one()
        if self.source != KEY_RESULTS_SOURCE:
            return super()._progress_for_value(value)
        raw = okr_math.weighted_mean(
            (contributor.progress, contributor.weight)
            for contributor in self.contributor_ids
        )
        return okr_math.clamp(raw), raw
