import {Component} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {formatFloat} from "@web/views/fields/formatters";
import {standardFieldProps} from "@web/views/fields/standard_field_props";

const TREND_ICONS = {up: "fa-arrow-up", down: "fa-arrow-down", flat: "fa-arrow-right"};

/**
 * The KPIs pinned beside an objective, one compact line each on the board's cards:
 * value against target, trend arrow, and a mark when out of the healthy range.
 * Like the key result bars, their fields are relatedFields: the kanban reads them
 * with the objectives in one web_search_read, no request per card.
 */
export class KpiPinsField extends Component {
    static template = "okr_management.KpiPinsField";
    static props = {...standardFieldProps};

    get kpis() {
        return this.props.record.data[this.props.name].records.map((kpi) => {
            const data = kpi.data;
            const trend = data.trend || "flat";
            return {
                id: kpi.resId || kpi.id,
                name: data.name,
                value: this.formatValue(data.current_value, data.unit),
                target: this.formatValue(data.target_value, data.unit),
                trend,
                trendIcon: TREND_ICONS[trend] || TREND_ICONS.flat,
                trendClass: this.trendClass(trend, data.healthy_operator),
                trendTitle: this.trendTitle(trend),
                isDrifting: data.is_drifting,
                driftTitle: data.is_drifting
                    ? _t(
                          "Outside its healthy range (%s)",
                          this.rangeLabel(
                              data.healthy_operator,
                              data.healthy_value,
                              data.unit
                          )
                      )
                    : "",
                error: data.error || "",
            };
        });
    }

    formatValue(value, unit) {
        const number = formatFloat(value || 0, {digits: [16, 2], trailingZeros: false});
        return unit ? `${number} ${unit}` : number;
    }

    rangeLabel(operator, value, unit) {
        const formatted = this.formatValue(value, unit);
        return operator === "below"
            ? _t("at or below %s", formatted)
            : _t("at or above %s", formatted);
    }

    /** Green when the KPI moves the healthy way, red when it moves away from it. */
    trendClass(trend, operator) {
        if (trend === "flat" || !operator) {
            return "text-muted";
        }
        const good = (trend === "up") === (operator === "above");
        return good ? "text-success" : "text-danger";
    }

    trendTitle(trend) {
        return (
            {
                up: _t("Up since the previous value"),
                down: _t("Down since the previous value"),
            }[trend] || _t("No change since the previous value")
        );
    }
}

export const kpiPinsField = {
    component: KpiPinsField,
    displayName: _t("Pinned KPIs"),
    supportedTypes: ["many2many"],
    relatedFields: [
        {name: "name", type: "char"},
        {name: "current_value", type: "float"},
        {name: "target_value", type: "float"},
        {name: "unit", type: "char"},
        // trend and range are read as values (arrow, colour, sentence): no copy
        // of the server's labels
        {name: "trend", type: "selection", selection: []},
        {name: "is_drifting", type: "boolean"},
        {name: "healthy_operator", type: "selection", selection: []},
        {name: "healthy_value", type: "float"},
        {name: "error", type: "text"},
    ],
};

registry.category("fields").add("okr_kpi_pins", kpiPinsField);
