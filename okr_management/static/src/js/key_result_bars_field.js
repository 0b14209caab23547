import {Component} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {formatPercentage} from "@web/views/fields/formatters";
import {standardFieldProps} from "@web/views/fields/standard_field_props";

/**
 * The key results of an objective, each with its own small bar, on the board's cards.
 * Their fields are declared as relatedFields, so the kanban reads them with the
 * objectives in one web_search_read: no request (and no query) per card.
 */
export class KeyResultBarsField extends Component {
    static template = "okr_management.KeyResultBarsField";
    static props = {...standardFieldProps};

    get keyResults() {
        return this.props.record.data[this.props.name].records.map((kr) => ({
            id: kr.resId || kr.id,
            name: kr.data.name,
            progress: Math.max(0, Math.min(100, kr.data.progress || 0)),
            rawProgress: kr.data.raw_progress || 0,
            health: kr.data.health || "none",
            isBelowStart: kr.data.is_below_start,
            isOvershoot: kr.data.is_overshoot,
        }));
    }

    get belowStartLabel() {
        return _t("below start");
    }

    formatPercent(value) {
        return formatPercentage(value / 100, {digits: [false, 0]});
    }
}

export const keyResultBarsField = {
    component: KeyResultBarsField,
    displayName: _t("Key result bars"),
    supportedTypes: ["one2many"],
    relatedFields: [
        {name: "name", type: "char"},
        {name: "progress", type: "float"},
        {name: "raw_progress", type: "float"},
        {name: "is_below_start", type: "boolean"},
        {name: "is_overshoot", type: "boolean"},
        // only the value, for the colour: no copy of the server's labels
        {name: "health", type: "selection", selection: []},
    ],
};

registry.category("fields").add("okr_key_result_bars", keyResultBarsField);
