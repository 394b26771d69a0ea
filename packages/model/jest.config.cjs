module.exports = {
  displayName: 'model',
  preset: '../../jest.preset.js',
  testEnvironment: '<rootDir>/../../tools/testing/native-addon-environment.cjs',
};
