// TEMPORARY: placeholders while the Sheet workflow is being written; removed before it lands.
import { alertUser } from './notify';
export function notYetBuilt(caption: string): void {
  alertUser(`«${caption}» chưa sẵn sàng trong phiên bản này.`);
}
