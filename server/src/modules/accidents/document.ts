// The PDF of a confirmed case: 自行协商协议书, or 事故认定书 when an officer set the liability.
// Every field of L-146 Art. 21, the photos' hashes, both signatures, the case number, the
// document's verification code and a QR code of its public check page (modules/documents);
// Chinese text in an embedded (subset) Noto Sans SC font, so it can be read back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDocumentCode } from '@jiaoguan/contracts/document-code';
import { documentTitle as titleForLiability, SLOT_LABELS } from '@jiaoguan/contracts/labels';
import { formatDateTime } from '@jiaoguan/contracts/time';
import type { FileStorage } from '../uploads/storage';
import { FileExistsError, readStored } from '../uploads/storage';
import type { CaseRecord } from './case-sql';
import { findScenario } from './liability';
import { effectiveLiability } from './views';

const FONT_FILE = path.join(
  path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')),
  '400Regular',
  'NotoSansSC_400Regular.ttf',
);
let fontBytes: Buffer | undefined;
const font = () => (fontBytes ??= readFileSync(FONT_FILE));

export function documentTitle(c: Pick<CaseRecord, 'officerLiability'>): string {
  return titleForLiability(!!c.officerLiability);
}

/** Draws `text` as a QR code of filled squares (vector, sharp in print), `size` points wide, at (x, y). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  doc.save();
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

export interface RenderOptions {
  /** The public check page of this document (its code in the link), printed as a QR code. */
  verifyUrl?: string;
}

export async function renderDocument(c: CaseRecord, signatures: Map<number, Buffer>, options: RenderOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: documentTitle(c), Subject: c.caseNumber } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font());
  doc.font('cjk');

  const scenario = findScenario(c.scenario);
  const liability = effectiveLiability(c);
  const line = (label: string, value: string | null | undefined) =>
    doc.fontSize(10.5).text(`${label}：${value && value.length ? value : '—'}`, { lineGap: 3 });

  doc.fontSize(18).text(documentTitle(c), { align: 'center' });
  doc.moveDown(0.5);
  const code = c.verificationCode ? formatDocumentCode(c.verificationCode) : '—';
  doc.fontSize(10).text(`事故编号：${c.caseNumber}    文书编号：${c.documentNumber ?? '—'}    校验码：${code}`, {
    align: 'center',
  });
  doc.moveDown();

  line('事故时间', formatDateTime(c.occurredAt));
  line('事故地点', c.address);
  line('天气', c.weather);
  line('处理单位', `${c.unit.name}大队`);
  line('事故形态', scenario ? `${scenario.name}（${scenario.description}）` : null);
  doc.moveDown(0.5);

  for (const p of c.parties) {
    doc.fontSize(12).text(`当事人${p.role === 'A' ? '甲' : '乙'}（${p.role}方）`, { lineGap: 4 });
    line('姓名', p.driverName);
    line('驾驶证号（身份证号）', p.licenceNumber);
    line('联系电话', p.phone);
    line('机动车种类', p.vehicleType ?? (p.plateType === '52' ? '小型新能源汽车' : '小型汽车'));
    line('号牌号码', p.plate);
    line('保险公司', p.insurer);
    line('保险凭证号', p.policyNumber);
    line('碰撞部位', p.collisionPart);
    line('责任', liability ? `${liability[p.role] ?? '—'}责任` : null);
    line('意见', p.agreed === null ? null : p.agreed ? '同意' : '有争议，申请民警在线定责');
    doc.moveDown(0.5);
  }

  if (c.officerLiability) {
    doc.fontSize(10.5).text(
      `经审核，民警依据《道路交通事故处理程序规定》第六十条认定：${c.parties
        .map((p) => `${p.role === 'A' ? '甲' : '乙'}方（${p.plate ?? ''}）负${liability?.[p.role] ?? '—'}责任`)
        .join('，')}。`,
      { lineGap: 3 },
    );
  } else {
    doc.fontSize(10.5).text(
      `双方确认上述事实无争议，按“${scenario?.name ?? '—'}”情形自行协商：${c.parties
        .map((p) => `${p.role === 'A' ? '甲' : '乙'}方负${liability?.[p.role] ?? '—'}责任`)
        .join('，')}。双方各自向承保的保险公司报案理赔。`,
      { lineGap: 3 },
    );
  }
  if (c.decisionNote) line('民警意见', c.decisionNote);
  line('审核时间', c.decidedAt ? formatDateTime(c.decidedAt) : null);
  doc.moveDown(0.5);

  doc.fontSize(12).text('现场照片（SHA-256）', { lineGap: 4 });
  for (const f of c.files.filter((x) => x.slot !== 'SIGNATURE')) {
    doc.fontSize(8).text(`${SLOT_LABELS[f.slot]}  ${f.sha256}  ${f.width}×${f.height}${f.capturedAt ? `  拍摄于 ${formatDateTime(f.capturedAt)}` : ''}`);
  }
  doc.moveDown(0.5);

  doc.fontSize(12).text('当事人签名', { lineGap: 4 });
  for (const p of c.parties) {
    const sig = c.files.find((f) => f.id === p.signatureFileId);
    doc.fontSize(10.5).text(`${p.role === 'A' ? '甲' : '乙'}方：${p.driverName ?? ''}`);
    if (!sig) {
      doc.text('（未签名）');
      continue;
    }
    const stored = signatures.get(sig.id);
    if (stored && (sig.mimeType === 'image/png' || sig.mimeType === 'image/jpeg')) {
      doc.image(stored, { fit: [160, 60] });
    } else {
      doc.text('（已手写签名）');
    }
    doc.fontSize(8).text(`签名文件 SHA-256：${sig.sha256}`);
  }
  doc.moveDown();
  if (options.verifyUrl) {
    // The check block: the QR code on the left, how to check on its right, kept on one page.
    const size = 84;
    const bottom = doc.page.height - doc.page.margins.bottom;
    if (doc.y + size + 8 > bottom) doc.addPage();
    const top = doc.y;
    const left = doc.page.margins.left;
    drawQr(doc, options.verifyUrl, left, top, size);
    const textX = left + size + 14;
    const width = doc.page.width - doc.page.margins.right - textX;
    doc.fontSize(10.5).text('真伪查验', textX, top + 4, { width, lineGap: 3 });
    doc.fontSize(9).text(`微信或手机扫描左侧二维码，或打开下方网址输入校验码，即可查验本文书是否真实有效（无需登录）。`, textX, doc.y, { width, lineGap: 2 });
    doc.fontSize(12).text(`校验码：${code}`, textX, doc.y + 2, { width, lineGap: 2 });
    doc.fontSize(8).text(options.verifyUrl, textX, doc.y, { width });
    doc.x = left;
    doc.y = Math.max(doc.y, top + size) + 8;
  }
  doc.fontSize(9).text(`保险公司可凭文书编号 ${c.documentNumber ?? ''} 和校验码 ${code} 在交管服务查验本文书真伪。`);
  doc.end();
  return done;
}

/** The document of a confirmed case: rendered once, kept in storage, served from there afterwards. */
export async function documentBytes(
  c: CaseRecord,
  storage: FileStorage,
  signatureKeys: Map<number, string>,
  options: RenderOptions = {},
): Promise<Buffer> {
  // One file per issued document: a case that issues a new one (new code) renders anew.
  const key = `documents/${c.documentNumber}-${c.verificationCode}.pdf`;
  const cached = await readStored(storage, key);
  if (cached) return cached;
  const signatures = new Map<number, Buffer>();
  for (const [id, storageKey] of signatureKeys) {
    const bytes = await readStored(storage, storageKey);
    if (bytes) signatures.set(id, bytes);
  }
  const rendered = await renderDocument(c, signatures, options);
  try {
    await storage.put(rendered, { key });
  } catch (err) {
    if (!(err instanceof FileExistsError)) throw err;
    return (await readStored(storage, key)) ?? rendered;
  }
  return rendered;
}
