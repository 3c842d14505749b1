import { linkField } from './fault-params.js';
import { registerFaultKind } from './fault-kinds.js';
/**
 * `down`: the proxy route of one link of each instance hit is disabled (connections refused, open ones
 * closed) through toxiproxy-node-client, so it works on the embedded proxy and a real Toxiproxy alike.
 */
const params = { link: linkField() };
export const downFaultKind = {
    name: 'down',
    description: "The proxy route of the instance's link is disabled: connections are refused and open ones closed.",
    acts: 'link',
    params,
    defaultTarget: 'all',
    scaledDurations: [],
    stopsData: true,
    describe: () => '',
    async apply(occurrence, targets) {
        const { instances, spec } = occurrence;
        const routes = instances.map((slot) => targets.route(slot, spec.link));
        await Promise.all(routes.map((r) => r.update({ enabled: false, listen: r.listen, upstream: r.upstream })));
        return async () => {
            // The route may have been re-pointed while it was down (a broker renewed): lift it where it points now.
            await Promise.all(instances.map((slot) => {
                const r = targets.route(slot, spec.link);
                return r.update({ enabled: true, listen: r.listen, upstream: r.upstream });
            }));
        };
    },
};
registerFaultKind(downFaultKind);
//# sourceMappingURL=down-fault-kind.js.map