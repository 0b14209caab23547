import {onWillStart, onWillUpdateProps, toRaw, useState} from "@odoo/owl";
import {KanbanHeader} from "@web/views/kanban/kanban_header";
import {KanbanRenderer} from "@web/views/kanban/kanban_renderer";
import {_t} from "@web/core/l10n/translation";
import {kanbanView} from "@web/views/kanban/kanban_view";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

/**
 * The board grouped by team: each column head shows the team's weekly check-in
 * completion and its average progress against pace. One call for all the
 * columns of a load (shared by the heads), so the requests do not grow with the
 * number of teams.
 */
const statsByList = new WeakMap();

function loadTeamStats(orm, reactiveList) {
    // each head sees the list through its own reactive proxy: key the raw one
    const list = toRaw(reactiveList);
    const teamIds = list.groups.map((group) => group.value || false);
    const key = JSON.stringify([list.domain, teamIds]);
    let entry = statsByList.get(list);
    if (!entry || entry.key !== key) {
        entry = {
            key,
            promise: orm.call("okr.team", "get_board_stats", [list.domain, teamIds]),
        };
        statsByList.set(list, entry);
    }
    return entry.promise;
}

export class OkrBoardKanbanHeader extends KanbanHeader {
    static template = "okr_management.OkrBoardKanbanHeader";

    setup() {
        super.setup();
        this.action = useService("action");
        this.teamStats = useState({values: null});
        // one call for all the heads of a load (see loadTeamStats)
        onWillStart(() => this.loadStats(this.props));
        onWillUpdateProps((nextProps) => this.loadStats(nextProps));
    }

    get isByTeam() {
        return this.props.group.groupByField.name === "team_id";
    }

    get okrTitle() {
        if (this.isByTeam && !this.props.group.value) {
            return _t("Company");
        }
        return this.props.group.displayName;
    }

    async loadStats(props) {
        if (
            props.group.groupByField.name !== "team_id" ||
            props.list.model.useSampleModel
        ) {
            this.teamStats.values = null;
            return;
        }
        // the service itself, not this head's: a promise shared by all the
        // heads must resolve even if the head that asked first is gone
        const stats = await loadTeamStats(this.env.services.orm, props.list);
        this.teamStats.values = stats[props.group.value || 0] || null;
    }

    get okrStats() {
        const values = this.teamStats.values;
        if (!values) {
            return null;
        }
        // the health comes from the server (_board_health): "none" for a
        // column without key results, which shows no colour and no 0 % / 0 %
        return {
            ...values,
            progress: Math.round(values.progress),
            pace: Math.round(values.pace),
            empty: values.health === "none",
        };
    }

    async openWeekStatus() {
        const action = await this.orm.call("okr.team", "action_open_week_status", [
            [this.props.group.value],
        ]);
        await this.action.doAction(action);
    }
}

export class OkrBoardKanbanRenderer extends KanbanRenderer {
    static components = {
        ...KanbanRenderer.components,
        KanbanHeader: OkrBoardKanbanHeader,
    };
}

registry.category("views").add("okr_board_kanban", {
    ...kanbanView,
    Renderer: OkrBoardKanbanRenderer,
});
