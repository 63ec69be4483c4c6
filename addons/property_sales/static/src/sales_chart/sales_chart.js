import {Component, onWillStart, onWillUnmount, useState} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {formatMonetary} from "@web/views/fields/formatters";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";

/**
 * Sales-control chart (销控图): a floor × unit grid of one building coloured by state,
 * with counts and amounts by state. Loaded by one RPC, then kept live through the bus:
 * a unit changed in another user's browser shows here without reload.
 */
export class PropertySalesChart extends Component {
    static template = "property_sales.SalesChart";
    static props = {...standardActionServiceProps};

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.busService = useService("bus_service");
        this.state = useState({buildings: [], chart: null, selected: null});
        this.channel = null;
        this.onUnits = this.onUnits.bind(this);
        this.busService.subscribe("property_sales/units", this.onUnits);
        onWillStart(() => this.load(this.props.action.params?.building_id));
        onWillUnmount(() => {
            this.busService.unsubscribe("property_sales/units", this.onUnits);
            if (this.channel) {
                this.busService.deleteChannel(this.channel);
            }
        });
    }

    async load(buildingId) {
        const data = await this.orm.call("property.building", "load_sales_chart", [
            buildingId || false,
        ]);
        this.state.buildings = data.buildings;
        this.state.chart = data.chart;
        this.state.selected = null;
        const channel = data.chart && data.chart.building.channel;
        if (channel !== this.channel) {
            if (this.channel) {
                this.busService.deleteChannel(this.channel);
            }
            this.channel = channel;
            if (channel) {
                this.busService.addChannel(channel);
            }
        }
    }

    onUnits({units}) {
        const chart = this.state.chart;
        if (!chart) {
            return;
        }
        for (const values of units) {
            const unit = chart.units.find((u) => u.id === values.id);
            if (unit) {
                Object.assign(unit, values);
            }
        }
    }

    get grid() {
        const chart = this.state.chart;
        const byKey = new Map(chart.units.map((u) => [`${u.floor}-${u.number}`, u]));
        return chart.floors.map((floor) => ({
            floor,
            cells: chart.numbers.map((number) => ({
                key: `${floor}-${number}`,
                unit: byKey.get(`${floor}-${number}`),
            })),
        }));
    }

    /** Counts and amounts by state, recomputed from the live units. */
    get summary() {
        const chart = this.state.chart;
        return chart.summary.map((line) => {
            const units = chart.units.filter((u) => u.state === line.state);
            return {
                ...line,
                count: units.length,
                amount: units.reduce((total, u) => total + u.list_price, 0),
            };
        });
    }

    formatAmount(amount) {
        return formatMonetary(amount, {currencyId: this.state.chart.currency_id});
    }

    stateLabel(state) {
        return this.state.chart.summary.find((line) => line.state === state).label;
    }

    onChangeBuilding(ev) {
        this.load(parseInt(ev.target.value, 10));
    }

    selectUnit(unit) {
        this.state.selected = unit;
    }

    openUnit(unit) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "property.unit",
            res_id: unit.id,
            views: [[false, "form"]],
        });
    }

    async lockUnit(unit) {
        const action = await this.orm.call("property.unit", "action_open_lock_wizard", [
            [unit.id],
        ]);
        this.action.doAction(action);
    }

    async requestLock(unit) {
        const action = await this.orm.call("property.unit", "action_request_lock", [[unit.id]]);
        this.action.doAction(action, {
            onClose: () => this.load(this.state.chart && this.state.chart.building.id),
        });
    }

    openRequest(request) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "property.unit.lock.request",
            res_id: request.id,
            views: [[false, "form"]],
        });
    }

    openRequests() {
        this.action.doAction("property_sales.property_unit_lock_request_action");
    }
}

registry.category("actions").add("property_sales.sales_chart", PropertySalesChart);
