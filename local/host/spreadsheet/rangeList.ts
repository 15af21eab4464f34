/**
 * RangeList: "A collection of one or more Range instances in the same sheet"
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list), made by
 * Sheet.getRangeList. Only what the product calls is modelled; every other method is absent, so
 * a call to it fails loudly instead of passing silently.
 */
import { assertType, AssertNoExtraMethods, FakeOf } from '../strict';
import { Ctx, currentUser, fail, guardFileEdit } from './core';
import { GridRef, MESSAGES } from './model';
import { clearContentOf } from './range';

type Real = GoogleAppsScript.Spreadsheet.RangeList;

export class FakeRangeList implements FakeOf<Real> {
  constructor(
    private readonly ctx: Ctx,
    private readonly refs: readonly GridRef[],
  ) {}

  getRanges(): object[] {
    this.ctx.rt.call('RangeList.getRanges');
    return this.refs.map((ref) => this.ctx.views.range(ref));
  }

  /**
   * "Clears the content of each Range in the range list, leaving the formatting intact." The
   * reference does not say what happens when one range is protected; the stricter reading is
   * taken: the call throws, as Range.clearContent does, before any range is cleared.
   */
  clearContent(): this {
    const size = this.refs.reduce((s, r) => s + r.numRows * r.numCols, 0);
    this.ctx.rt.call('RangeList.clearContent', size);
    guardFileEdit(this.ctx);
    const user = currentUser(this.ctx);
    if (this.refs.some((ref) => this.ctx.model.firstForbiddenCell(user, ref)))
      throw fail(this.ctx, MESSAGES.protectedCell);
    for (const ref of this.refs) clearContentOf(ref);
    return this;
  }
}

const _rangeListHasNoExtras: true = assertType<AssertNoExtraMethods<FakeRangeList, Real>>();
