// The template's prettier settings, with the wider lines this project's code is written in.
module.exports = { ...require("office-addin-prettier-config"), printWidth: 120 };
