/**
 * The Docs API layout plan (src/core/documents/layoutRequests.ts): which tables get
 * updateTableRowStyle (preventOverflow), when page 1 loses its number (updateDocumentStyle
 * useFirstPageHeaderFooter), and what documents.get's answer says
 * (https://developers.google.com/docs/api/reference/rest/v1/documents/request).
 */
import {
  JOINT_PLEDGE_TEMPLATE,
  UNIT_PLEDGE_TEMPLATE,
} from '../../../src/core/documents/pledgeTemplates';
import {
  keepTogetherTables,
  planLayout,
  readApiLayout,
  type ApiLayout,
  type ApiTable,
} from '../../../src/core/documents/layoutRequests';

const table = (startIndex: number, columns: number, rows = 3, keptRows = 0): ApiTable => ({
  startIndex,
  columns,
  rows,
  keptRows,
});

/** The joint pledge as the default template lays it out: head, members, criteria, signatures, witness. */
const jointTables = (): ApiTable[] => [
  table(2, 2),
  table(80, 4),
  table(300, 3),
  table(900, 2),
  table(1200, 1),
];

const layout = (over: Partial<ApiLayout> = {}): ApiLayout => ({
  tables: jointTables(),
  pageNumberField: false,
  pageNumberOnFirstPageHeader: false,
  useFirstPageHeaderFooter: false,
  ...over,
});

const rowStarts = (plan: ReturnType<typeof planLayout>): number[] =>
  plan.requests.flatMap((r) =>
    'updateTableRowStyle' in r ? [r.updateTableRowStyle.tableStartLocation.index] : [],
  );

describe('keepTogetherTables', () => {
  it('lists the joint pledge tables after the head with their column counts', () => {
    expect(keepTogetherTables(JOINT_PLEDGE_TEMPLATE)).toEqual([
      { ordinal: 1, columns: 4 },
      { ordinal: 2, columns: 3 },
      { ordinal: 3, columns: 2 },
      { ordinal: 4, columns: 1 },
    ]);
    expect(keepTogetherTables(UNIT_PLEDGE_TEMPLATE).map((t) => t.ordinal)).toEqual([1, 2]);
  });
});

describe('planLayout', () => {
  it('asks preventOverflow for every row of each keep-together table, by its start index', () => {
    const plan = planLayout(JOINT_PLEDGE_TEMPLATE, layout());
    expect(rowStarts(plan)).toEqual([80, 300, 900, 1200]);
    expect(plan.requests[0]).toEqual({
      updateTableRowStyle: {
        tableStartLocation: { index: 80 },
        tableRowStyle: { preventOverflow: true },
        fields: 'preventOverflow',
      },
    });
    expect(plan.unmatched).toEqual([]);
  });

  it('leaves alone a table whose columns differ from the spec (a template of the user own) and one already kept', () => {
    const tables = jointTables();
    tables[2] = table(300, 5);
    tables[3] = table(900, 2, 3, 3);
    const plan = planLayout(JOINT_PLEDGE_TEMPLATE, layout({ tables }));
    expect(rowStarts(plan)).toEqual([80, 1200]);
    expect(plan.unmatched).toEqual([2]);
  });

  it('needs no request for a table dropped by {{#if}} (the witness, last)', () => {
    const plan = planLayout(JOINT_PLEDGE_TEMPLATE, layout({ tables: jointTables().slice(0, 4) }));
    expect(rowStarts(plan)).toEqual([80, 300, 900]);
  });

  it('reports a missing page-number field, hides page 1 number when the field is there, and keeps a first-page header of the author', () => {
    expect(planLayout(JOINT_PLEDGE_TEMPLATE, layout()).pageNumbers).toBe('missing');
    const withField = planLayout(JOINT_PLEDGE_TEMPLATE, layout({ pageNumberField: true }));
    expect(withField.pageNumbers).toBe('from-second');
    expect(withField.requests.at(-1)).toEqual({
      updateDocumentStyle: {
        documentStyle: { useFirstPageHeaderFooter: true },
        fields: 'useFirstPageHeaderFooter',
      },
    });
    const already = planLayout(
      JOINT_PLEDGE_TEMPLATE,
      layout({ pageNumberField: true, useFirstPageHeaderFooter: true }),
    );
    expect(already.requests.some((r) => 'updateDocumentStyle' in r)).toBe(false);
    const authors = planLayout(
      JOINT_PLEDGE_TEMPLATE,
      layout({ pageNumberField: true, pageNumberOnFirstPageHeader: true }),
    );
    expect(authors.requests.some((r) => 'updateDocumentStyle' in r)).toBe(false);
    const unwanted = planLayout(
      { ...JOINT_PLEDGE_TEMPLATE, numberPagesFromSecond: false },
      layout(),
    );
    expect(unwanted.pageNumbers).toBe('not-wanted');
  });
});

describe('readApiLayout', () => {
  it('reads top-level tables, their kept rows and the page-number auto text of documents.get', () => {
    const resource = {
      body: {
        content: [
          { endIndex: 1, sectionBreak: {} },
          { startIndex: 1, endIndex: 5, paragraph: { elements: [] } },
          {
            startIndex: 5,
            endIndex: 40,
            table: {
              rows: 2,
              columns: 2,
              tableRows: [
                { tableRowStyle: { preventOverflow: true } },
                { tableRowStyle: { minRowHeight: { magnitude: 20, unit: 'PT' } } },
              ],
            },
          },
        ],
      },
      documentStyle: { defaultHeaderId: 'h1', useFirstPageHeaderFooter: false },
      headers: {
        h1: { content: [{ paragraph: { elements: [{ autoText: { type: 'PAGE_NUMBER' } }] } }] },
      },
    };
    expect(readApiLayout(resource)).toEqual({
      tables: [{ startIndex: 5, columns: 2, rows: 2, keptRows: 1 }],
      pageNumberField: true,
      pageNumberOnFirstPageHeader: false,
      useFirstPageHeaderFooter: false,
    });
    expect(readApiLayout({ headers: { h1: {} } }).pageNumberField).toBe(false);
    expect(readApiLayout(null).tables).toEqual([]);
  });
});
