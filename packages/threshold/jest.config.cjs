module.exports = {
  displayName: 'threshold',
  preset: '../../jest.preset.js',
};
