import AdmZip from 'adm-zip'; import { deflateRawSync } from 'node:zlib';
const z = new AdmZip(process.argv[2]); let t = 0, t9 = 0; const g = {};
for (const e of z.getEntries()) { const c = e.header.compressedSize; const d = e.getData(); const c9 = deflateRawSync(d, { level: 9 }).length; t += c; t9 += c9;
 const k = e.entryName.endsWith('.xsd') || e.entryName.endsWith('.dtd') || e.entryName === 'imsmanifest.xml' ? 'schemas+manifest' : e.entryName === 'content/protocol.js' ? 'protocol' : e.entryName.startsWith('content/') ? 'words' : 'app';
 g[k] = (g[k] || 0) + c + 30 + 46 + 2 * e.entryName.length; if (process.argv[3]) console.log(e.entryName, d.length, c, c9); }
console.log('data', t, 'level9', t9, g);
