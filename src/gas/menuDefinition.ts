/** The "Thi đua" menu: captions users see and the top-level functions they call. */
export interface MenuItem {
  caption: string;
  functionName: string;
}

export const MENU: { title: string; items: ReadonlyArray<MenuItem | 'separator'> } = {
  title: 'Thi đua',
  items: [{ caption: 'Giới thiệu', functionName: 'menuAbout' }],
};
