module.exports = {
  displayName: 's3-reader',
  preset: '../../jest.preset.js',
};
