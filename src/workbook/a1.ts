// A1 addresses live in the domain (src/domain/a1.ts), which the audit's findings need and which can
// import no other folder; the workbook's modules and everything above them may import them from here.
export * from '../domain/a1';
