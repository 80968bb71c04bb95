// office-addin-mock needs only this enum from office-addin-manifest (see jest.config.js).
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    Word: 'word',
    PowerPoint: 'powerpoint',
    Outlook: 'outlook',
    OneNote: 'onenote',
    Project: 'project',
  },
};
