/** The evaluators by name (the catalogue refers to them by these names). */
import type { Evaluator } from '../types.js';
import { annualReport } from './annual-report.js';
import { changesOnTime } from './changes-on-time.js';
import { complexIssues } from './complex-issues.js';
import { confidentiality } from './confidentiality.js';
import { constructionAdvice } from './construction-advice.js';
import { criticalOnsite } from './critical-onsite.js';
import { dataDisposal } from './data-disposal.js';
import { databaseInspections } from './database-inspections.js';
import { databaseOperations } from './database-operations.js';
import { defectReleases } from './defect-releases.js';
import { defectsFixed } from './defects-fixed.js';
import { faultResponse } from './fault-response.js';
import { handover } from './handover.js';
import { inspectionReports } from './inspection-reports.js';
import { interfaceSolutions } from './interface-solutions.js';
import { interfacesRunning } from './interfaces-running.js';
import { maintenanceReports } from './maintenance-reports.js';
import { operationTraining } from './operation-training.js';
import { phoneSupport } from './phone-support.js';
import { policyChanges } from './policy-changes.js';
import { quarterlyInspections } from './quarterly-inspections.js';
import { serviceDocuments } from './service-documents.js';
import { severityLevels } from './severity-levels.js';

export const EVALUATORS: Readonly<Record<string, Evaluator>> = Object.freeze({
  annualReport, changesOnTime, complexIssues, confidentiality, constructionAdvice, criticalOnsite, dataDisposal,
  databaseInspections, databaseOperations, defectReleases, defectsFixed, faultResponse, handover, inspectionReports,
  interfaceSolutions, interfacesRunning, maintenanceReports, operationTraining, phoneSupport, policyChanges,
  quarterlyInspections, serviceDocuments, severityLevels,
});
