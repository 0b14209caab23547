/** @type {import('prettier').Config} */
const config = {
    // Resolved from the hook's own node environment, where pre-commit installed it.
    plugins: [require.resolve("@prettier/plugin-xml")],
    bracketSpacing: false,
    printWidth: 88,
    proseWrap: "always",
    semi: true,
    trailingComma: "es5",
    xmlWhitespaceSensitivity: "preserve",
};

module.exports = config;
