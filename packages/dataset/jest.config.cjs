module.exports = {
  displayName: 'dataset',
  preset: '../../jest.preset.js',
};
