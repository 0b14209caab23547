import {Component, onWillStart, onWillUnmount, useEffect, useRef} from "@odoo/owl";
import {getColor, getCustomColor} from "@web/core/colors/colors";
import {_t} from "@web/core/l10n/translation";
import {cookie} from "@web/core/browser/cookie";
import {formatFloat, formatPercentage} from "@web/views/fields/formatters";
import {loadBundle} from "@web/core/assets";
import {registry} from "@web/core/registry";
import {standardFieldProps} from "@web/views/fields/standard_field_props";

/**
 * A key result's value over time (its check-ins, manual and metric) against its
 * pace line. The server computes both, the pace scaled for aspirational
 * objectives, so the chart only draws them.
 */
export class ValuePaceChartField extends Component {
    static template = "okr_management.ValuePaceChartField";
    static props = {...standardFieldProps};

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => {
                this.renderChart();
            },
            () => [this.props.record.data[this.props.name]]
        );
        onWillUnmount(() => this.chart?.destroy());
    }

    get data() {
        return this.props.record.data[this.props.name] || {points: [], pace: []};
    }

    get isEmpty() {
        return !this.data.points.length && !this.data.pace.length;
    }

    /**
     * The label of the key result's unit, as the server's selection names it
     * ("Hours"): the title of the value axis. None for a plain number, and for a
     * percentage, whose values carry their own sign.
     */
    get unitLabel() {
        const unit = this.data.unit;
        if (!unit || unit === "number" || unit === "percent") {
            return "";
        }
        const selection = this.props.record.fields.unit?.selection || [];
        const option = selection.find(([value]) => value === unit);
        return option ? option[1] : "";
    }

    /**
     * The legend of the key result's own values: which side of the pair it is
     * on, when it has a pair.
     */
    get valueLabel() {
        if (!(this.data.pairs || []).length) {
            return _t("Value");
        }
        return this.data.indicator === "leading"
            ? _t("Value (leading)")
            : _t("Value (lagging)");
    }

    /**
     * The legend of a partner of the pair: the lagging key result this one
     * predicts, or a leading one that predicts it; its progress when its unit
     * differs.
     */
    pairLabel(pair, maxLength = 0) {
        const name =
            maxLength && pair.name.length > maxLength
                ? `${pair.name.slice(0, maxLength - 1)}…`
                : pair.name;
        if (pair.role === "lagging") {
            return pair.scaled
                ? _t("Predicts (lagging, progress %): %s", name)
                : _t("Predicts (lagging): %s", name);
        }
        return pair.scaled
            ? _t("Predicted by (leading, progress %): %s", name)
            : _t("Predicted by (leading): %s", name);
    }

    formatValue(value) {
        const digits = [false, Number.isInteger(value) ? 0 : 2];
        if (this.data.unit === "percent") {
            return formatPercentage(value / 100, {digits});
        }
        return formatFloat(value, {digits});
    }

    renderChart() {
        this.chart?.destroy();
        this.chart = null;
        if (this.isEmpty || !this.canvasRef.el) {
            return;
        }
        const colorScheme = cookie.get("color_scheme");
        const textColor = getCustomColor(colorScheme, "#374151", "#E4E4E4");
        const gridColor = getCustomColor(
            colorScheme,
            "rgba(0,0,0,.1)",
            "rgba(255,255,255,.15)"
        );
        const valueColor = getColor(0, colorScheme, "odoo");
        const paceColor = getCustomColor(colorScheme, "#6B7280", "#9CA3AF");
        const toXY = ([x, y]) => ({x, y});
        const pairs = this.data.pairs || [];
        // on a phone the legend cannot wrap: the partner's name is cut there,
        // whole in the tooltip
        const nameLength = this.canvasRef.el.parentElement.clientWidth < 576 ? 24 : 0;
        const hasScaledPair = pairs.some((pair) => pair.scaled);
        this.chart = new Chart(this.canvasRef.el, {
            type: "line",
            data: {
                datasets: [
                    {
                        label: this.valueLabel,
                        data: this.data.points.map(toXY),
                        borderColor: valueColor,
                        backgroundColor: valueColor,
                        pointRadius: 3,
                        tension: 0,
                    },
                    {
                        label: _t("Expected progress (pace)"),
                        data: this.data.pace.map(toXY),
                        borderColor: paceColor,
                        backgroundColor: paceColor,
                        borderDash: [6, 4],
                        borderWidth: 2,
                        pointRadius: 0,
                    },
                    ...pairs.map((pair, index) => {
                        // teal, then orange, red...: apart from the value (odoo purple) and the pace (gray)
                        const color = getColor(index + 2, colorScheme, "sm");
                        return {
                            label: this.pairLabel(pair, nameLength),
                            data: pair.points.map(toXY),
                            borderColor: color,
                            backgroundColor: color,
                            pointRadius: 3,
                            pointStyle: "rectRot",
                            tension: 0,
                            yAxisID: pair.scaled ? "yPair" : "y",
                            okrPair: pair,
                        };
                    }),
                ],
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                interaction: {mode: "nearest", intersect: false},
                scales: {
                    x: {
                        type: "time",
                        time: {minUnit: "day", tooltipFormat: "DD"},
                        ticks: {color: textColor, maxRotation: 0, autoSkip: true},
                        grid: {color: gridColor},
                    },
                    y: {
                        title: {
                            display: Boolean(this.unitLabel),
                            text: this.unitLabel,
                            color: textColor,
                        },
                        ticks: {
                            color: textColor,
                            callback: (value) => this.formatValue(value),
                        },
                        grid: {color: gridColor},
                    },
                    yPair: {
                        display: hasScaledPair,
                        position: "right",
                        min: 0,
                        max: 100,
                        title: {
                            display: true,
                            text: _t("Progress of the pair (%)"),
                            color: textColor,
                        },
                        ticks: {
                            color: textColor,
                            callback: (value) =>
                                formatPercentage(value / 100, {digits: [false, 0]}),
                        },
                        grid: {drawOnChartArea: false},
                    },
                },
                plugins: {
                    legend: {
                        position: "bottom",
                        labels: {color: textColor, boxHeight: 2},
                    },
                    tooltip: {
                        callbacks: {
                            label: (item) => {
                                const pair = item.dataset.okrPair;
                                const value =
                                    pair && pair.scaled
                                        ? formatPercentage(item.parsed.y / 100, {
                                              digits: [false, 0],
                                          })
                                        : this.formatValue(item.parsed.y);
                                const label = pair
                                    ? this.pairLabel(pair)
                                    : item.dataset.label;
                                return `${label}: ${value}`;
                            },
                        },
                    },
                },
            },
        });
    }
}

export const valuePaceChartField = {
    component: ValuePaceChartField,
    displayName: _t("Value against pace chart"),
    supportedTypes: ["json"],
};

registry.category("fields").add("okr_value_pace_chart", valuePaceChartField);
