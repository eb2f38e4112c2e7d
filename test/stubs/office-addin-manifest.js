// Stand-in for office-addin-manifest inside jest: office-addin-mock only reads the OfficeApp enum.
const OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
module.exports = { OfficeApp };
