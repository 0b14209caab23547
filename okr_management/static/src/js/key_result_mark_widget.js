import {Component} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {standardWidgetProps} from "@web/views/widgets/standard_widget_props";

/**
 * Progress is clamped to 0-100; this mark keeps the truth visible in lists:
 * "Below start" when the value went the wrong way, the real % past the target.
 */
export class KeyResultMark extends Component {
    static template = "okr_management.KeyResultMark";
    static props = {...standardWidgetProps};

    get data() {
        return this.props.record.data;
    }

    get overshoot() {
        return `${Math.round(this.data.raw_progress || 0)}%`;
    }
}

export const keyResultMark = {
    component: KeyResultMark,
    fieldDependencies: [
        {name: "is_below_start", type: "boolean", string: _t("Below Start")},
        {name: "is_overshoot", type: "boolean", string: _t("Overshoot")},
        {name: "raw_progress", type: "float", string: _t("Raw Progress")},
    ],
};

registry.category("view_widgets").add("okr_key_result_mark", keyResultMark);
