/** The sr-Cyrl translation: one JSON file per section, so a feature's strings live in their own file. */
import planAsOf from './planAsOf.json' with { type: 'json' };
import common from './common.json' with { type: 'json' };
import language from './language.json' with { type: 'json' };
import nav from './nav.json' with { type: 'json' };
import footer from './footer.json' with { type: 'json' };
import userMenu from './userMenu.json' with { type: 'json' };
import errors from './errors.json' with { type: 'json' };
import routeError from './routeError.json' with { type: 'json' };
import notFound from './notFound.json' with { type: 'json' };
import marking from './marking.json' with { type: 'json' };
import sources from './sources.json' with { type: 'json' };
import table from './table.json' with { type: 'json' };
import overview from './overview.json' with { type: 'json' };
import mechanisms from './mechanisms.json' with { type: 'json' };
import timeline from './timeline.json' with { type: 'json' };
import agreements from './agreements.json' with { type: 'json' };
import organisations from './organisations.json' with { type: 'json' };
import signIn from './signIn.json' with { type: 'json' };
import notAllowed from './notAllowed.json' with { type: 'json' };
import pager from './pager.json' with { type: 'json' };
import lists from './lists.json' with { type: 'json' };
import clearance from './clearance.json' with { type: 'json' };
import account from './account.json' with { type: 'json' };
import admin from './admin.json' with { type: 'json' };
import auditLog from './auditLog.json' with { type: 'json' };
import vocab from './vocab.json' with { type: 'json' };
import plans from './plans.json' with { type: 'json' };
import comments from './comments.json' with { type: 'json' };
import indicators from './indicators.json' with { type: 'json' };
import planItem from './planItem.json' with { type: 'json' };
import planEdit from './planEdit.json' with { type: 'json' };
import planDashboard from './planDashboard.json' with { type: 'json' };
import planImport from './planImport.json' with { type: 'json' };
import planSetup from './planSetup.json' with { type: 'json' };
import reporting from './reporting.json' with { type: 'json' };
import labels from './labels.json' with { type: 'json' };
import staleRecord from './staleRecord.json' with { type: 'json' };
import planShell from './planShell.json' with { type: 'json' };

export default {
  planAsOf,
  common,
  language,
  nav,
  footer,
  userMenu,
  errors,
  routeError,
  notFound,
  marking,
  sources,
  table,
  overview,
  mechanisms,
  timeline,
  agreements,
  organisations,
  signIn,
  notAllowed,
  pager,
  lists,
  clearance,
  account,
  admin,
  auditLog,
  vocab,
  plans,
  comments,
  indicators,
  planItem,
  planEdit,
  planDashboard,
  planImport,
  planSetup,
  reporting,
  labels,
  staleRecord,
  planShell,
};
