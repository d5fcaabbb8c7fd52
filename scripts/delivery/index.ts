/** Public surface of the delivery domain: the register of reports handed over, and which owed reports are due, delivered or suspect. */
export { deliveryIndex, deliveriesOf, firstDelivery, latestDelivery, allDeliveries, reportKey, sameHandover, cstDay, DELIVERY_KINDS, type DeliveryKind, type RegisteredDelivery } from './register.js';
export { applyDeliveryRegister, signerText } from './project-register.js';
export { lazyProvenance, reportView, buildForDigest, reportInputs, currentDigest, digestOf, type DigestContext } from './report-digest.js';
export { deliveryStatus, countStates, reportsToRender, type ReportDelivery, type DeliveryState, type DeliveryStatusOptions } from './delivery-status.js';
export { suspectReports, findSuspectReports, formatSuspectText, type SuspectReport, type FindSuspectsOptions } from './suspect-reports.js';
