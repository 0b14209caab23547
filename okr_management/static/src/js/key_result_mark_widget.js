import {Component} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {formatPercentage} from "@web/views/fields/formatters";
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
        return formatPercentage((this.data.raw_progress || 0) / 100, {
            digits: [false, 0],
        });
    }
}

export const keyResultMark = {
    component: KeyResultMark,
    fieldDependencies: [
        {name: "is_below_start", type: "boolean"},
        {name: "is_overshoot", type: "boolean"},
        {name: "raw_progress", type: "float"},
    ],
};

registry.category("view_widgets").add("okr_key_result_mark", keyResultMark);
